using MonaSpark.Application.Portal;

namespace MonaSpark.Edge.Portal;

/// <summary>What the sign-in pages show.</summary>
public enum SignInPageState
{
    /// <summary>The address form.</summary>
    Ask = 0,

    /// <summary>After a request, whatever happened: "if this address is ours, a link is on its way".</summary>
    Sent = 1,

    /// <summary>Signed out.</summary>
    SignedOut = 2,
}

/// <summary>
/// The portal's sign-in pages, in English and French on one page (nobody is known yet): the address
/// form, the same answer after every request (no account enumeration), and the confirm page of a
/// sign-in link (opening it signs nobody in: mail scanners open links; the press does).
/// </summary>
public static class PortalSignInPage
{
    public static string Render(SignInPageState state, string cspNonce)
    {
        var html = PortalPage.Start(false, "Sign in · Connexion", cspNonce);
        html.Append("<h1>Sign in · <span lang=\"fr\">Connexion</span></h1>");
        if (state == SignInPageState.Sent)
        {
            html.Append("<p role=\"status\">If this address is ours, a sign-in link is on its way. It works once, for a few minutes.</p>")
                .Append("<p lang=\"fr\">Si cette adresse est chez nous, un lien de connexion arrive. Il fonctionne une fois, pendant quelques minutes.</p>");
        }
        else if (state == SignInPageState.SignedOut)
        {
            html.Append("<p role=\"status\">You are signed out.</p><p lang=\"fr\">Vous êtes déconnecté·e.</p>");
        }

        html.Append("<form method=\"post\" action=\"/portal/sign-in\"><label for=\"email\">Your e-mail address · <span lang=\"fr\">Votre adresse e-mail</span></label>")
            .Append("<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" maxlength=\"254\" required>")
            .Append("<button type=\"submit\">Send me a link · <span lang=\"fr\">Recevoir un lien</span></button></form>");
        return html.Append("</main></body></html>").ToString();
    }

    /// <summary>The confirm page of a sign-in link: a button that posts it (valid), or why it cannot be used.</summary>
    public static string RenderEnter(LinkState state, string token, string csrf, string cspNonce)
    {
        var html = PortalPage.Start(false, "Sign in · Connexion", cspNonce);
        switch (state)
        {
            case LinkState.Valid:
                html.Append("<h1>Sign in to MonaSpark · <span lang=\"fr\">Connexion</span></h1>")
                    .Append("<form method=\"post\" action=\"/portal/enter\"><input type=\"hidden\" name=\"t\" value=\"").Append(Html.Attr(token)).Append("\">")
                    .Append(PortalPage.Csrf(csrf)).Append("<button type=\"submit\">Sign in · <span lang=\"fr\">Se connecter</span></button></form>");
                break;
            default:
                var (en, fr) = state switch
                {
                    LinkState.Expired => ("This link has expired.", "Ce lien a expiré."),
                    LinkState.Used => ("This link was used already: a link signs in once.", "Ce lien a déjà servi : un lien ne sert qu’une fois."),
                    _ => ("This link is not valid.", "Ce lien n’est pas valide."),
                };
                html.Append("<h1>").Append(en).Append("</h1><p lang=\"fr\">").Append(fr).Append("</p>")
                    .Append("<p><a href=\"/portal\">Ask for a new link · <span lang=\"fr\">Demander un nouveau lien</span></a></p>");
                break;
        }

        return html.Append("</main></body></html>").ToString();
    }
}

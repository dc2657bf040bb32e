using System.Text;

namespace MonaSpark.Edge.Unsubscribe;

/// <summary>What the unsubscribe page shows.</summary>
public enum UnsubscribeState
{
    /// <summary>An authentic link, not used yet on this request: the confirmation button.</summary>
    Confirm = 0,

    /// <summary>The objection is recorded.</summary>
    Done = 1,

    /// <summary>The link is not one of ours (404).</summary>
    Unknown = 2,
}

/// <summary>
/// The unsubscribe page (<c>/u/{token}</c>), in English and French. Opening the link never
/// unsubscribes by itself (mail scanners follow links): the page asks for one press, which posts back
/// the same one-click body mail clients send (RFC 8058). No script, no cookie, no third party; the
/// only style is inline under the response's nonce.
/// </summary>
public static class UnsubscribePage
{
    public static string Render(UnsubscribeState state, string token, string cspNonce)
    {
        var html = new StringBuilder(2_048);
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<meta name=\"robots\" content=\"noindex\"><title>MonaSpark — unsubscribe</title><style nonce=\"").Append(Html.Attr(cspNonce)).Append("\">")
            .Append("body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1d1d1f}button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:.4rem;background:#1d1d1f;color:#fff;cursor:pointer}p.fr{color:#555}")
            .Append("</style></head><body><main>");
        switch (state)
        {
            case UnsubscribeState.Confirm:
                html.Append("<h1>Stop hearing from MonaSpark?</h1><p>Press the button and we will not contact you again, on any channel.</p>")
                    .Append("<p class=\"fr\" lang=\"fr\">Appuyez sur le bouton et nous ne vous contacterons plus, sur aucun canal.</p>")
                    .Append("<form method=\"post\" action=\"/u/").Append(Html.Url(token)).Append("\">")
                    .Append("<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"><input type=\"hidden\" name=\"from\" value=\"page\">")
                    .Append("<button type=\"submit\">Unsubscribe · Se désabonner</button></form>");
                break;
            case UnsubscribeState.Done:
                html.Append("<h1>You are unsubscribed</h1><p>We will not contact you again. If this was a mistake, reply to any of our messages.</p>")
                    .Append("<p class=\"fr\" lang=\"fr\">Vous êtes désabonné·e : nous ne vous contacterons plus.</p>");
                break;
            default:
                html.Append("<h1>This link is not valid</h1><p>It may be incomplete. Copy the whole link from the message, or reply to the message to stop hearing from us.</p>")
                    .Append("<p class=\"fr\" lang=\"fr\">Ce lien n’est pas valide. Copiez le lien entier, ou répondez au message.</p>");
                break;
        }

        return html.Append("</main></body></html>").ToString();
    }
}

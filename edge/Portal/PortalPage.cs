using System.Globalization;
using System.Text;
using MonaSpark.Application.Portal;
using MonaSpark.Application.Projections;
using MonaSpark.Edge.Assets;
using MonaSpark.Edge.Landing;

namespace MonaSpark.Edge.Portal;

/// <summary>
/// The customer portal (<c>/portal</c>) when signed in: onboarding, subscription and plan, invoices,
/// a plan change, the GDPR export and erasure request. Plain HTML forms (each POST answers with a 303
/// back), so it works without JavaScript; a small script under the response's nonce follows
/// <c>/portal/events</c> and rewrites the status region (<c>aria-live</c>) as text. Every value is
/// encoded; English and French (the artist's market).
/// </summary>
public static class PortalPage
{
    internal const string Css =
        "body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;background:#fff}" +
        "h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ccc}" +
        "label{display:block;margin:.4rem 0}input[type=email]{width:100%;font:inherit;padding:.6rem;border:2px solid #555;border-radius:.4rem}" +
        "button{font:inherit;padding:.6rem 1.1rem;border:0;border-radius:.4rem;background:#1d1d1f;color:#fff;cursor:pointer;margin-top:.5rem}" +
        "a:focus-visible,input:focus-visible,button:focus-visible{outline:3px solid #0a58ca;outline-offset:2px}.notice{background:#eef6ee;padding:.6rem;border-radius:.4rem}" +
        ".danger{background:#a4161a}@media(prefers-color-scheme:dark){body{background:#121212;color:#eee}button{background:#eee;color:#121212}.notice{background:#203020}.danger{background:#ff8a80;color:#121212}}";

    /// <summary>The signed-in page; <paramref name="notice"/> is a short code of what was just done (<c>plan</c>, <c>erasure</c>).</summary>
    public static string Render(PortalView view, string cspNonce, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var fr = view.Language == "fr";
        var culture = Culture(fr);
        var html = Start(fr, fr ? "Votre espace" : "Your account", cspNonce);
        html.Append("<h1>").Append(Html.Text(fr ? $"Bonjour {view.ArtistName}" : $"Hello {view.ArtistName}")).Append("</h1>");
        if (Notice(notice, fr) is { } done)
        {
            html.Append("<p class=\"notice\" role=\"status\">").Append(Html.Text(done)).Append("</p>");
        }

        html.Append("<h2>").Append(fr ? "Où en êtes-vous" : "Where you are").Append("</h2>")
            .Append("<p id=\"status\" role=\"status\" aria-live=\"polite\">").Append(Html.Text(StatusText(view))).Append("</p>");

        html.Append("<h2>").Append(fr ? "Factures" : "Invoices").Append("</h2>");
        if (view.Invoices.Count == 0)
        {
            html.Append("<p>").Append(fr ? "Aucune facture pour l’instant." : "No invoices yet.").Append("</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th scope=\"col\">").Append(fr ? "Date" : "Date").Append("</th><th scope=\"col\">").Append(fr ? "Montant" : "Amount")
                .Append("</th><th scope=\"col\">").Append(fr ? "Numéro" : "Number").Append("</th></tr></thead><tbody>");
            foreach (var invoice in view.Invoices)
            {
                html.Append("<tr><td>").Append(Html.Text(invoice.At.ToString("d MMMM yyyy", culture))).Append("</td><td>")
                    .Append(Html.Text(Prices.Amount(invoice.Amount, culture))).Append("</td><td>").Append(Html.Text(invoice.Id)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("<h2>").Append(fr ? "Changer de formule" : "Change plan").Append("</h2>");
        if (view.RequestedPlanId is { } requested)
        {
            var name = view.Plans.FirstOrDefault(p => p.Id == requested)?.Name ?? requested;
            html.Append("<p>").Append(Html.Text(fr ? $"Changement demandé vers {name} : il s’applique à la prochaine échéance." : $"Change to {name} requested: it applies from the next billing date.")).Append("</p>");
        }

        html.Append("<form method=\"post\" action=\"/portal/plan\">").Append(Csrf(view.Csrf))
            .Append("<fieldset><legend>").Append(fr ? "Formules" : "Plans").Append("</legend>");
        foreach (var plan in view.Plans)
        {
            html.Append("<label><input type=\"radio\" name=\"plan\" value=\"").Append(Html.Attr(plan.Id)).Append('"')
                .Append(plan.Id == view.Subscription.Plan?.Id ? " checked" : string.Empty).Append("> ")
                .Append(Html.Text($"{plan.Name}: {Prices.Amount(plan.Price, culture)} {Prices.Per(plan.Period, fr)}")).Append("</label>");
        }

        html.Append("</fieldset><button type=\"submit\">").Append(fr ? "Demander ce changement" : "Request this change").Append("</button></form>");

        html.Append("<h2>").Append(fr ? "Vos données" : "Your data").Append("</h2>")
            .Append("<p><a href=\"/portal/export\" download>").Append(fr ? "Télécharger tout ce que nous avons sur vous (JSON)" : "Download everything we hold about you (JSON)").Append("</a></p>");
        if (view.ErasureRequestedAt is { } asked)
        {
            html.Append("<p>").Append(Html.Text(fr
                ? $"Effacement demandé le {asked.ToString("d MMMM yyyy", culture)} : en cours."
                : $"Erasure requested on {asked.ToString("d MMMM yyyy", culture)}: pending.")).Append("</p>");
        }
        else
        {
            html.Append("<form method=\"post\" action=\"/portal/erasure\">").Append(Csrf(view.Csrf))
                .Append("<label><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> ")
                .Append(fr ? "Je comprends que mon compte et mes données seront effacés." : "I understand my account and my data will be erased.")
                .Append("</label><button class=\"danger\" type=\"submit\">").Append(fr ? "Demander l’effacement" : "Request erasure").Append("</button></form>");
        }

        html.Append("<form method=\"post\" action=\"/portal/sign-out\">").Append(Csrf(view.Csrf))
            .Append("<button type=\"submit\">").Append(fr ? "Se déconnecter" : "Sign out").Append("</button></form></main>")
            .Append("<script nonce=\"").Append(Html.Attr(cspNonce)).Append("\">").Append(LiveScript).Append("</script>");
        return html.Append("</body></html>").ToString();
    }

    /// <summary>The one-line status the page shows and the live updates send: onboarding, then subscription.</summary>
    public static string StatusText(PortalView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var fr = view.Language == "fr";
        var onboarding = view.Onboarding switch
        {
            { State: PortalOnboarding.Completed, Took: var took } => fr ? $"Inscription terminée en {Duration(took ?? TimeSpan.Zero)}." : $"Sign-up completed in {Duration(took ?? TimeSpan.Zero)}.",
            { State: PortalOnboarding.InProgress, Step: var step, Of: var of } => fr ? $"Inscription en cours : question {step} sur {of}." : $"Sign-up in progress: question {step} of {of}.",
            _ => fr ? "Inscription pas encore commencée." : "Sign-up not started yet.",
        };
        var plan = view.Subscription.Plan?.Name;
        var subscription = (view.Subscription.Status, fr) switch
        {
            (CustomerAccount.Active, true) => $"Abonnement actif : {plan}.",
            (CustomerAccount.Active, false) => $"Subscription active: {plan}.",
            (CustomerAccount.Pending, true) => $"Paiement en attente : {plan}.",
            (CustomerAccount.Pending, false) => $"Payment pending: {plan}.",
            (_, true) => "Pas d’abonnement.",
            _ => "No subscription.",
        };
        return onboarding + " " + subscription;
    }

    /// <summary>Follows <c>/portal/events</c> and writes the status as text (never markup); without it the page is the same, reloaded.</summary>
    private const string LiveScript =
        "(function(){if(!window.EventSource)return;var s=document.getElementById('status');var e=new EventSource('/portal/events');" +
        "e.addEventListener('account',function(m){try{s.textContent=JSON.parse(m.data).status;}catch(x){}});})();";

    internal static StringBuilder Start(bool fr, string title, string cspNonce) =>
        new StringBuilder(6_144)
            .Append("<!doctype html><html lang=\"").Append(fr ? "fr" : "en").Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
            .Append("<title>").Append(Html.Text(title)).Append(" · MonaSpark</title>").Append(StaticAssets.IconLink)
            .Append("<style nonce=\"").Append(Html.Attr(cspNonce)).Append("\">").Append(Css).Append("</style></head><body><main>");

    internal static string Csrf(string value) => "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.Attr(value) + "\">";

    private static CultureInfo Culture(bool fr) => CultureInfo.GetCultureInfo(fr ? "fr-FR" : "en-GB");

    private static string? Notice(string? notice, bool fr) => (notice, fr) switch
    {
        ("plan", true) => "Votre demande de changement de formule est enregistrée.",
        ("plan", false) => "Your plan change request is recorded.",
        ("erasure", true) => "Votre demande d’effacement est enregistrée.",
        ("erasure", false) => "Your erasure request is recorded.",
        _ => null,
    };

    private static string Duration(TimeSpan took) =>
        took.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)took.TotalMinutes} min {took.Seconds} s") : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, took.Seconds)} s");
}

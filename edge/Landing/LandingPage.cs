using System.Globalization;
using System.Text;
using MonaSpark.Application.Landing;
using MonaSpark.Edge.Assets;

namespace MonaSpark.Edge.Landing;

/// <summary>
/// The artist's landing page (<c>/l/{token}</c>), rendered from content loaded first (no I/O here).
/// Everything that comes from a source, a person or a model is HTML-encoded for its context; the only
/// style is inline under the response's nonce; no script at all (the page works without JavaScript);
/// system fonts; the image is sized. The view is counted by an uncached beacon image, so caching the
/// page never hides a view. English and French, chosen by the artist's market.
/// </summary>
public static class LandingPage
{
    /// <summary>The critical CSS, inline (the page has no other stylesheet).</summary>
    public const string Css =
        ":root{color-scheme:light dark;--ink:#1d1d1f;--soft:#5f6368;--accent:#c2185b;--on-accent:#fff;--card:#f6f6f8}" +
        "@media(prefers-color-scheme:dark){:root{--ink:#f2f2f2;--soft:#b0b3b8;--accent:#ff5c9a;--on-accent:#121214;--card:#1f2023}body{background:#121214}}" +
        "*{box-sizing:border-box}body{margin:0;font:17px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--ink)}" +
        "main{max-width:40rem;margin:0 auto;padding:2rem 1.25rem 3rem}" +
        "header{display:flex;gap:1rem;align-items:center}header img,.initials{width:96px;height:96px;border-radius:50%;object-fit:cover;flex:none}" +
        ".initials{display:grid;place-items:center;background:var(--card);font-size:2rem;font-weight:700}" +
        "h1{font-size:1.75rem;line-height:1.2;margin:.25rem 0}h2{font-size:1.15rem;margin:2rem 0 .5rem}.lede{color:var(--soft)}" +
        "dl{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem;margin:0}dl div{background:var(--card);border-radius:.75rem;padding:.75rem 1rem}" +
        "dt{color:var(--soft);font-size:.85rem}dd{margin:0;font-size:1.4rem;font-weight:700}" +
        ".offer{background:var(--card);border-radius:1rem;padding:1.25rem;margin-top:2rem}.price{font-size:1.6rem;font-weight:700;margin:.25rem 0}" +
        ".offer ul{padding-left:1.2rem}.cta{display:inline-block;margin-top:.5rem;padding:.8rem 1.4rem;border-radius:.6rem;background:var(--accent);color:var(--on-accent);text-decoration:none;font-weight:700}" +
        ".cta:focus-visible,a:focus-visible{outline:3px solid var(--ink);outline-offset:3px}" +
        "footer{margin-top:2.5rem;font-size:.85rem;color:var(--soft)}footer a{color:inherit}.b{position:absolute;width:1px;height:1px;opacity:0}";

    public static string Render(LandingContent content, string cspNonce)
    {
        ArgumentNullException.ThrowIfNull(content);
        var fr = content.Language == "fr";
        var culture = CultureInfo.GetCultureInfo(fr ? "fr-FR" : "en-GB");
        var token = Html.Url(content.Token);
        var name = Html.Text(content.ArtistName);
        var html = new StringBuilder(6_144);
        html.Append("<!doctype html><html lang=\"").Append(fr ? "fr" : "en").Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
            .Append("<title>").Append(name).Append(" × MonaSpark</title>").Append(StaticAssets.IconLink)
            .Append("<meta name=\"description\" content=\"").Append(Html.Attr(fr ? $"{content.ArtistName} et MonaSpark" : $"{content.ArtistName} and MonaSpark")).Append("\">")
            .Append("<style nonce=\"").Append(Html.Attr(cspNonce)).Append("\">").Append(Css).Append("</style></head><body><main>");

        html.Append("<header>");
        if (ImageOf(content) is { } image)
        {
            html.Append("<img src=\"").Append(Html.Attr(image)).Append("\" width=\"96\" height=\"96\" alt=\"").Append(name).Append("\" decoding=\"async\" referrerpolicy=\"no-referrer\">");
        }
        else
        {
            html.Append("<div class=\"initials\" aria-hidden=\"true\">").Append(Html.Text(Initials(content.ArtistName))).Append("</div>");
        }

        var (headline, lede) = Copy(content, fr);
        html.Append("<div><h1>").Append(Html.Text(headline)).Append("</h1>");
        if (content.Genres.Count > 0)
        {
            html.Append("<p class=\"lede\">").Append(Html.Text(string.Join(" · ", content.Genres.Take(3)))).Append("</p>");
        }

        html.Append("</div></header><p class=\"lede\">").Append(Html.Text(lede)).Append("</p>");

        html.Append("<section aria-labelledby=\"momentum\"><h2 id=\"momentum\">").Append(fr ? "Votre dynamique" : "Your momentum").Append("</h2><dl>");
        Figure(html, fr ? "Audience" : "Audience", content.Momentum.Audience is { } audience ? audience.ToString("N0", culture) : "—");
        Figure(html, fr ? "Croissance sur 28 jours" : "Growth over 28 days", content.Momentum.Growth28Days is { } growth ? (growth > 0 ? "+" : string.Empty) + growth.ToString("P1", culture) : "—");
        Figure(html, fr ? "Plateformes suivies" : "Platforms followed", content.Momentum.Platforms.ToString(culture));
        html.Append("</dl></section>");

        html.Append("<section class=\"offer\" aria-labelledby=\"offer\"><h2 id=\"offer\">").Append(Html.Text(content.Offer.Name)).Append("</h2>")
            .Append("<p class=\"price\">").Append(Html.Text(Prices.Amount(content.Offer.Price, culture))).Append(" <small>").Append(Prices.Per(content.Offer.Period, fr)).Append("</small></p><ul>");
        foreach (var point in content.ProofPoints)
        {
            html.Append("<li>").Append(Html.Text(point)).Append("</li>");
        }

        html.Append("</ul><a class=\"cta\" href=\"/l/").Append(token).Append("/form\">").Append(fr ? "Commencer (2 minutes)" : "Get started (2 minutes)").Append("</a></section>");

        html.Append("<footer><p>").Append(fr ? "Offre valable jusqu’au " : "Offer valid until ")
            .Append(Html.Text(content.ExpiresAt.UtcDateTime.ToString(fr ? "d MMMM yyyy" : "d MMMM yyyy", culture))).Append(". ")
            .Append("<a href=\"/u/").Append(token).Append("\">").Append(fr ? "Ne plus recevoir nos messages" : "Stop hearing from us").Append("</a></p></footer></main>")
            .Append("<img class=\"b\" src=\"/l/").Append(token).Append("/v?variant=").Append(Html.Url(content.VariantId)).Append("\" width=\"1\" height=\"1\" alt=\"\">")
            .Append("</body></html>");
        return html.ToString();
    }

    /// <summary>The friendly page of a link that is not ours (404) or has expired (410).</summary>
    public static string RenderUnavailable(LandingStatus status, string cspNonce)
    {
        var expired = status == LandingStatus.Expired;
        var html = new StringBuilder(1_536);
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<meta name=\"robots\" content=\"noindex\"><title>MonaSpark</title>").Append(StaticAssets.IconLink).Append("<style nonce=\"").Append(Html.Attr(cspNonce)).Append("\">").Append(Css).Append("</style></head><body><main>");
        if (expired)
        {
            html.Append("<h1>This offer has ended</h1><p class=\"lede\">The link was valid for a limited time. Reply to our message and we will send you a fresh one.</p>")
                .Append("<p class=\"lede\" lang=\"fr\">Cette offre est terminée : répondez à notre message et nous vous enverrons un nouveau lien.</p>");
        }
        else
        {
            html.Append("<h1>This link is not valid</h1><p class=\"lede\">It may be incomplete: copy the whole link from the message.</p>")
                .Append("<p class=\"lede\" lang=\"fr\">Ce lien n’est pas valide : copiez le lien entier depuis le message.</p>");
        }

        return html.Append("</main></body></html>").ToString();
    }

    private static void Figure(StringBuilder html, string label, string value) =>
        html.Append("<div><dt>").Append(Html.Text(label)).Append("</dt><dd>").Append(Html.Text(value)).Append("</dd></div>");

    private static (string Headline, string Lede) Copy(LandingContent content, bool fr)
    {
        var name = content.ArtistName;
        var rising = content.Momentum.Growth28Days is > 0.02;
        return (content.VariantId, fr) switch
        {
            ("momentum", true) when rising => ($"{name}, votre public grandit", "Vos chiffres montent : c’est le moment d’en faire plus. MonaSpark vous aide à transformer cet élan en fans fidèles."),
            ("momentum", false) when rising => ($"{name}, your audience is growing", "Your numbers are rising: this is the moment to do more with them. MonaSpark turns that momentum into loyal fans."),
            (_, true) => ($"{name}, faisons grandir votre public", "MonaSpark repère les playlists, blogs et fans qui vont avec votre son, et vous dit chaque semaine ce qui marche."),
            _ => ($"{name}, let’s grow your audience", "MonaSpark finds the playlists, blogs and fans that fit your sound, and tells you every week what works."),
        };
    }

    /// <summary>Only an absolute https image is shown (never a <c>javascript:</c> or <c>data:</c> URL).</summary>
    private static string? ImageOf(LandingContent content) =>
        content.ImageUrl is { IsAbsoluteUri: true } uri && uri.Scheme == Uri.UriSchemeHttps && string.IsNullOrEmpty(uri.UserInfo) ? uri.AbsoluteUri : null;

    private static string Initials(string name)
    {
        var letters = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.EnumerateRunes().FirstOrDefault()).Where(r => Rune.IsLetterOrDigit(r)).Take(2);
        return string.Concat(letters.Select(r => r.ToString())).ToUpperInvariant() is { Length: > 0 } initials ? initials : "♪";
    }
}

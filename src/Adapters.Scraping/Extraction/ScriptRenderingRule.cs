using AngleSharp.Dom;

namespace MonaSpark.Adapters.Scraping.Extraction;

/// <summary>
/// When the served HTML is not enough and the page must be rendered in a browser (documented in
/// docs/web-record-format.md). Both must hold:
/// <list type="number">
/// <item>the static HTML yields no profile links and no name from og:title, JSON-LD or an h1
/// (a &lt;title&gt; alone does not count: a script shell has one); and</item>
/// <item>the page looks like a script application: it has a &lt;noscript&gt;, or an empty mount
/// element (<c>#root</c>, <c>#app</c>, <c>#__next</c>, <c>#__nuxt</c>, <c>[data-reactroot]</c>,
/// <c>[ng-app]</c>, <c>[data-app]</c>), or a script (external bundle or inline) with under 200
/// characters of visible text.</item>
/// </list>
/// A plain page with little on it stays on the cheap HTTP path.
/// </summary>
public static class ScriptRenderingRule
{
    private const int ThinTextLength = 200;

    public static bool NeedsBrowser(IDocument document, WebPageRecord staticRecord)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(staticRecord);
        if (staticRecord.Links.Count > 0 || PageExtractor.StrongName(document, JsonLd.FindArtist(document)) is not null)
        {
            return false;
        }

        if (document.QuerySelector("noscript") is not null)
        {
            return true;
        }

        if (document.QuerySelectorAll("#root, #app, #__next, #__nuxt, [data-reactroot], [ng-app], [data-app]")
            .Any(e => string.IsNullOrWhiteSpace(PageExtractor.VisibleText(e))))
        {
            return true;
        }

        return document.QuerySelector("script:not([type='application/ld+json'])") is not null
            && PageExtractor.VisibleText(document.Body).Trim().Length < ThinTextLength;
    }
}

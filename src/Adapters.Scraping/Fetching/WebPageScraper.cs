using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Scraping.Extraction;

namespace MonaSpark.Adapters.Scraping.Fetching;

/// <summary>
/// One page to one record: the HTTP path first; the browser only when <see cref="ScriptRenderingRule"/>
/// says the served HTML needs script to show the artist (and <see cref="WebScrapingOptions.UseBrowser"/>).
/// </summary>
public sealed class WebPageScraper(HttpPageFetcher http, PlaywrightPageFetcher browser, IOptions<WebScrapingOptions> options)
{
    /// <exception cref="Safety.PageRefusedException">The page must not be fetched.</exception>
    public async Task<WebPageRecord> ScrapeAsync(Uri url, CancellationToken cancellationToken = default)
    {
        var page = await http.FetchAsync(url, cancellationToken);
        var document = PageExtractor.Parse(page.Html);
        var record = PageExtractor.Extract(document, url, page.FetchedVia);
        if (!options.Value.UseBrowser || !ScriptRenderingRule.NeedsBrowser(document, record))
        {
            return record;
        }

        var rendered = await browser.RenderAsync(page, cancellationToken);
        return PageExtractor.Extract(rendered.Html, url, rendered.FetchedVia);
    }
}

namespace MonaSpark.Adapters.Scraping.Fetching;

/// <summary>
/// Fetches one web page's HTML under the scraping policy: allow-listed and SSRF-checked (every
/// redirect hop too), robots.txt honoured, politeness delay per host. <see cref="HttpPageFetcher"/>
/// returns the served HTML; <see cref="PlaywrightPageFetcher"/> the DOM after script ran.
/// </summary>
public interface IPageFetcher
{
    /// <summary><c>http</c> or <c>browser</c>: recorded as <c>fetchedVia</c> in the payload.</summary>
    string Via { get; }

    /// <exception cref="Safety.PageRefusedException">The page must not be fetched (policy, robots, SSRF, not HTML, too large, 4xx).</exception>
    Task<FetchedPage> FetchAsync(Uri url, CancellationToken cancellationToken = default);
}

/// <summary>A fetched page: where it was asked for, where redirects led, and its HTML.</summary>
public sealed record FetchedPage(Uri RequestedUrl, Uri FinalUrl, string Html, string FetchedVia, string? ContentType);

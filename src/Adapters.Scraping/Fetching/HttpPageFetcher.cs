using System.Net;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Scraping.Http;
using MonaSpark.Adapters.Scraping.Robots;
using MonaSpark.Adapters.Scraping.Safety;

namespace MonaSpark.Adapters.Scraping.Fetching;

/// <summary>
/// The default path: one GET through <see cref="GuardedHttp"/>, with robots.txt and the politeness
/// delay applied before every hop (a redirect to another path or host is checked like a new page).
/// </summary>
public sealed class HttpPageFetcher(GuardedHttp http, RobotsCache robots, PolitenessGate politeness, IOptions<WebScrapingOptions> options) : IPageFetcher
{
    public string Via => "http";

    public async Task<FetchedPage> FetchAsync(Uri url, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(url, options.Value.MaxPageBytes, cancellationToken, (hop, ct) => BeforePageRequestAsync(hop, polite: true, ct));
        EnsureHtml(response, url);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        return new FetchedPage(url, response.RequestMessage?.RequestUri ?? url, html, Via, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// A page's sub-resource for the browser (script, style, data): same guard, robots.txt and rate
    /// limit, but no politeness delay (a browser loads a page's parts together). Any status is returned.
    /// </summary>
    internal async Task<HttpResponseMessage> FetchResourceAsync(Uri url, CancellationToken cancellationToken) =>
        await http.GetAsync(url, options.Value.MaxPageBytes, cancellationToken, (hop, ct) => BeforePageRequestAsync(hop, polite: false, ct));

    private async Task<IDisposable?> BeforePageRequestAsync(Uri url, bool polite, CancellationToken cancellationToken)
    {
        var (allowed, crawlDelay) = await robots.CheckAsync(url, cancellationToken);
        if (!allowed)
        {
            throw new PageRefusedException(RefusalReason.Robots, $"robots.txt of {url.Host} disallows {url.AbsolutePath} for {options.Value.ProductToken}.");
        }

        if (!polite)
        {
            return null;
        }

        var delay = crawlDelay is { } d && d > options.Value.PolitenessDelay ? d : options.Value.PolitenessDelay;
        return await politeness.EnterAsync(url.IdnHost, delay, cancellationToken);
    }

    private static void EnsureHtml(HttpResponseMessage response, Uri url)
    {
        var status = (int)response.StatusCode;
        if (status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests))
        {
            throw new PageRefusedException(RefusalReason.HttpStatus, $"{url} answered {status}.");
        }

        // 5xx left after the retries: transient, so the caller keeps its cursor and tries again next run.
        response.EnsureSuccessStatusCode();
        var media = response.Content.Headers.ContentType?.MediaType;
        if (media is not null && media is not ("text/html" or "application/xhtml+xml"))
        {
            throw new PageRefusedException(RefusalReason.NotHtml, $"{url} is {media}, not HTML.");
        }
    }
}

using System.Globalization;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Scraping.Fetching;
using MonaSpark.Adapters.Scraping.Safety;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Adapters.Scraping;

/// <summary>
/// The configured seed pages as a source: one record per page (external id = the seed URL, payload =
/// docs/web-record-format.md). A sync only lists the seeds (<see cref="SourceBatch.Deferred"/>; the
/// cursor is the index of the next seed); each page is then fetched by its own <c>fetch-page</c> work
/// item through <see cref="FetchOneAsync"/>, outside any unit of work. A page refused by policy
/// (robots.txt, SSRF guard, allow-list, 4xx, not HTML, too large) is a <see cref="SourceRefusedException"/>:
/// dead-lettered with its reason, not retried. A transient failure (5xx after retries, timeout, open
/// circuit) propagates, and the queue retries that page alone with backoff.
/// </summary>
public sealed class WebPageConnector(WebPageScraper scraper, IOptions<WebScrapingOptions> options) : IDeferredSourceConnector
{
    public SourceKind Source => SourceKind.Web;

    public string Key => "web";

    public Task<SourceBatch> FetchAsync(string? cursor, int maxRecords, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        var seeds = options.Value.Seeds;
        var start = Math.Min(ParseCursor(cursor), seeds.Count);
        var end = Math.Min(seeds.Count, start + maxRecords);
        var batch = new SourceBatch([], end >= seeds.Count ? null : end.ToString(CultureInfo.InvariantCulture))
        {
            Deferred = [.. seeds.Skip(start).Take(end - start)],
        };
        return Task.FromResult(batch);
    }

    public async Task<RawRecord> FetchOneAsync(string reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!Uri.TryCreate(reference, UriKind.Absolute, out var url))
        {
            throw new SourceRefusedException($"'{reference}' is not an absolute URL.");
        }

        try
        {
            var record = await scraper.ScrapeAsync(url, cancellationToken);
            return new RawRecord(reference, record.ToJson());
        }
        catch (Exception ex) when (PageRefusedException.Find(ex) is { } refused)
        {
            throw new SourceRefusedException($"{refused.Reason}: {refused.Message}", refused);
        }
    }

    private static int ParseCursor(string? cursor)
    {
        if (cursor is null)
        {
            return 0;
        }

        if (!int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw new FormatException($"web: '{cursor}' is not a cursor of this connector (expected the index of the next seed).");
        }

        return index;
    }

}

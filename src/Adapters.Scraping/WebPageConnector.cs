using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Scraping.Fetching;
using MonaSpark.Adapters.Scraping.Safety;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Adapters.Scraping;

/// <summary>
/// The configured seed pages as a source: one record per page (external id = the seed URL, payload =
/// docs/web-record-format.md), the cursor being the index of the next seed. A page refused by policy
/// (robots.txt, SSRF guard, allow-list, 4xx, not HTML, too large) is skipped with its reason logged. A
/// transient failure (5xx after retries, timeout, open circuit) ends the batch at that page so the
/// next run resumes there; if it is the batch's first page, the failure propagates and the cursor stays.
/// </summary>
public sealed partial class WebPageConnector(
    WebPageScraper scraper,
    IOptions<WebScrapingOptions> options,
    ILogger<WebPageConnector> logger) : ISourceConnector
{
    public SourceKind Source => SourceKind.Web;

    public string Key => "web";

    public async Task<SourceBatch> FetchAsync(string? cursor, int maxRecords, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        var seeds = options.Value.Seeds;
        var start = ParseCursor(cursor);
        var end = Math.Min(seeds.Count, start + maxRecords);
        var records = new List<RawRecord>();
        for (var i = start; i < end; i++)
        {
            var seed = seeds[i];
            try
            {
                var record = await scraper.ScrapeAsync(new Uri(seed, UriKind.Absolute), cancellationToken);
                records.Add(new RawRecord(seed, record.ToJson()));
            }
            catch (Exception ex) when (PageRefusedException.Find(ex) is { } refused)
            {
                LogSkipped(logger, seed, refused.Reason, refused.Message);
            }
            catch (Exception ex) when (i > start && ex is not OperationCanceledException { CancellationToken.IsCancellationRequested: true } && cancellationToken.IsCancellationRequested is false)
            {
                LogStopped(logger, seed, ex);
                return new SourceBatch(records, i.ToString(CultureInfo.InvariantCulture));
            }
        }

        return new SourceBatch(records, end >= seeds.Count ? null : end.ToString(CultureInfo.InvariantCulture));
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web page {Url} skipped ({Reason}): {Detail}")]
    private static partial void LogSkipped(ILogger logger, string url, RefusalReason reason, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web page {Url} failed; the batch ends here and the next run resumes from it")]
    private static partial void LogStopped(ILogger logger, string url, Exception exception);
}

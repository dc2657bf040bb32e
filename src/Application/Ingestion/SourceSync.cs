using Microsoft.Extensions.Logging;
using MonaSpark.Application.Ports;

namespace MonaSpark.Application.Ingestion;

/// <summary>
/// Use case: pull the next pages from every registered source connector and land each record
/// (scheduled ingestion). Runs from the Functions timer trigger and from the local host's demo.
/// </summary>
public sealed partial class SourceSync(IEnumerable<ISourceConnector> connectors, RecordIngestion ingestion, ILogger<SourceSync> logger)
{
    /// <summary>Records asked of a connector per page.</summary>
    public const int PageSize = 100;

    /// <summary>Syncs every connector for at most <paramref name="maxPages"/> pages each.</summary>
    public async Task<SyncReport> RunAsync(int maxPages, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        var fetched = 0;
        var added = 0;
        foreach (var connector in connectors)
        {
            string? cursor = null;
            for (var page = 0; page < maxPages; page++)
            {
                var batch = await connector.FetchAsync(cursor, PageSize, cancellationToken);
                foreach (var raw in batch.Records)
                {
                    var outcome = await ingestion.IngestAsync(connector.Source, raw, cancellationToken);
                    fetched++;
                    added += outcome.Added ? 1 : 0;
                    progress?.Report(new SyncProgress(connector.Source.ToString(), fetched, added));
                }

                cursor = batch.NextCursor;
                if (cursor is null)
                {
                    break;
                }
            }

            LogSynced(logger, connector.Source.ToString(), fetched, added);
        }

        return new SyncReport(fetched, added);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Synced {Source}: {Fetched} records fetched so far, {Added} new")]
    private static partial void LogSynced(ILogger logger, string source, int fetched, int added);
}

/// <summary>Records fetched and how many were new.</summary>
public sealed record SyncReport(int Fetched, int Added);

/// <summary>Progress of a sync, for long runs.</summary>
public sealed record SyncProgress(string Source, int Fetched, int Added);

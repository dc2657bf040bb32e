using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;

namespace MonaSpark.Application.Ingestion;

/// <summary>
/// Use case: pull the next pages from every registered source connector and land each record
/// (scheduled ingestion). Each connector resumes from its stored cursor; one whose last full pass
/// is still fresh is skipped; one that fails is reported and the others carry on. References a
/// connector defers (web pages) are queued as <see cref="WorkKinds.FetchPage"/> items, fetched by the
/// queue's workers rather than inline, so a slow page delays nothing else. Runs from the
/// Functions timer trigger, <c>POST /api/ingest</c> and the local host's demo.
/// </summary>
public sealed partial class SourceSync(
    IEnumerable<ISourceConnector> connectors,
    RecordIngestion ingestion,
    IWorkQueue queue,
    ISourceCursorStore cursors,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<SourceSync> logger)
{
    /// <summary>Records asked of a connector per page.</summary>
    public const int PageSize = 100;

    /// <summary>Syncs every connector (or only <paramref name="only"/>) for at most <paramref name="maxPages"/> pages each.</summary>
    /// <param name="force">Fetch even a source whose last full pass is still fresh.</param>
    public async Task<SyncReport> RunAsync(
        int? maxPages = null,
        bool force = false,
        string? only = null,
        IProgress<SyncProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var pages = maxPages ?? options.Value.MaxPagesPerRun;
        ArgumentOutOfRangeException.ThrowIfLessThan(pages, 1);
        var results = new List<SourceSyncResult>();
        foreach (var connector in connectors.Where(c => only is null || string.Equals(c.Key, only, StringComparison.OrdinalIgnoreCase)))
        {
            results.Add(await SyncAsync(connector, pages, force, progress, cancellationToken));
        }

        return new SyncReport(results);
    }

    private async Task<SourceSyncResult> SyncAsync(ISourceConnector connector, int maxPages, bool force, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var key = connector.Key;
        var stored = await cursors.GetAsync(key, cancellationToken);
        var now = time.GetUtcNow();
        if (!force && stored is { Cursor: null, LastCompletedAt: { } completed } && now - completed < options.Value.RefreshInterval)
        {
            LogFresh(logger, key, completed);
            return new SourceSyncResult(key, connector.Source.ToString(), 0, 0, Fresh: true, Error: null);
        }

        var cursor = force && stored?.Cursor is null ? null : stored?.Cursor;
        var fetched = 0;
        var added = 0;
        var queued = 0;
        try
        {
            for (var page = 0; page < maxPages; page++)
            {
                var batch = await connector.FetchAsync(cursor, PageSize, cancellationToken);
                foreach (var raw in batch.Records)
                {
                    var outcome = await ingestion.IngestAsync(connector.Source, raw, cancellationToken);
                    fetched++;
                    added += outcome.Added ? 1 : 0;
                    progress?.Report(new SyncProgress(key, fetched, added));
                }

                foreach (var reference in batch.Deferred)
                {
                    await queue.EnqueueAsync(PageWork.For(key, reference), cancellationToken);
                    queued++;
                }

                // The cursor moves only after the page is landed: a crash refetches a page, never skips one.
                cursor = batch.NextCursor;
                var at = time.GetUtcNow();
                await cursors.SetAsync(new SourceCursor(key, cursor, at, cursor is null ? at : stored?.LastCompletedAt), cancellationToken);
                if (cursor is null)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, key, ex);
            return new SourceSyncResult(key, connector.Source.ToString(), fetched, added, Fresh: false, Error: $"{ex.GetType().Name}: {ex.Message}") { Queued = queued };
        }

        LogSynced(logger, key, fetched, added, queued);
        return new SourceSyncResult(key, connector.Source.ToString(), fetched, added, Fresh: false, Error: null) { Queued = queued };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Synced {Connector}: {Fetched} records fetched, {Added} new, {Queued} pages queued")]
    private static partial void LogSynced(ILogger logger, string connector, int fetched, int added, int queued);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Connector}: still fresh since {Completed}")]
    private static partial void LogFresh(ILogger logger, string connector, DateTimeOffset completed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync of {Connector} failed; it resumes from its cursor next run")]
    private static partial void LogFailed(ILogger logger, string connector, Exception exception);
}

/// <summary>What a sync did, per connector.</summary>
public sealed record SyncReport(IReadOnlyList<SourceSyncResult> Sources)
{
    public int Fetched => Sources.Sum(s => s.Fetched);

    public int Added => Sources.Sum(s => s.Added);

    public int Queued => Sources.Sum(s => s.Queued);
}

/// <summary>
/// One connector's part of a sync: records fetched and new, references queued for fetching
/// (<see cref="Queued"/>, web pages), skipped as fresh, or the error that stopped it.
/// </summary>
public sealed record SourceSyncResult(string Connector, string Source, int Fetched, int Added, bool Fresh, string? Error)
{
    public int Queued { get; init; }
}

/// <summary>Progress of a sync, for long runs.</summary>
public sealed record SyncProgress(string Connector, int Fetched, int Added);

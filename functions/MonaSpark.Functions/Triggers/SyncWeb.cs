using Microsoft.Azure.Functions.Worker;
using MonaSpark.Application.Ingestion;

namespace MonaSpark.Functions.Triggers;

/// <summary>Syncs the <c>web</c> connector(s) every 3 hours (SourceSync: resumes from the cursor, skips a source still fresh, MonaSpark:Ingestion:MaxPagesPerRun pages).</summary>
public sealed class SyncWeb(SourceSync sync)
{
    /// <summary>The connector key synced (<c>ISourceConnector.Key</c>); no connector with it means the run does nothing.</summary>
    public const string ConnectorKey = "web";

    /// <summary>Every 3 hours at minute 45: crawls are polite and rate-limited per domain, so fewer, longer runs (NCRONTAB with seconds, UTC); minutes are staggered so sources never start together.</summary>
    public const string Schedule = "0 45 */3 * * *";

    [Function(nameof(SyncWeb))]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        sync.RunAsync(only: ConnectorKey, cancellationToken: cancellationToken);
}

using Microsoft.Azure.Functions.Worker;
using MonaSpark.Application.Ingestion;

namespace MonaSpark.Functions.Triggers;

/// <summary>Syncs the <c>instagram</c> connector(s) every 3 hours (SourceSync: resumes from the cursor, skips a source still fresh, MonaSpark:Ingestion:MaxPagesPerRun pages).</summary>
public sealed class SyncInstagram(SourceSync sync)
{
    /// <summary>The connector key synced (<c>ISourceConnector.Key</c>); no connector with it means the run does nothing.</summary>
    public const string ConnectorKey = "instagram";

    /// <summary>Every 3 hours at minute 35: the Graph API's hourly call budget is per app and shared with other use (NCRONTAB with seconds, UTC); minutes are staggered so sources never start together.</summary>
    public const string Schedule = "0 35 */3 * * *";

    [Function(nameof(SyncInstagram))]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        sync.RunAsync(only: ConnectorKey, cancellationToken: cancellationToken);
}

using Microsoft.Azure.Functions.Worker;
using MonaSpark.Application.Ingestion;

namespace MonaSpark.Functions.Triggers;

/// <summary>Syncs the <c>soundcloud</c> connector(s) every 2 hours (SourceSync: resumes from the cursor, skips a source still fresh, MonaSpark:Ingestion:MaxPagesPerRun pages).</summary>
public sealed class SyncSoundCloud(SourceSync sync)
{
    /// <summary>The connector key synced (<c>ISourceConnector.Key</c>); no connector with it means the run does nothing.</summary>
    public const string ConnectorKey = "soundcloud";

    /// <summary>Every 2 hours at minute 25 (NCRONTAB with seconds, UTC); minutes are staggered so sources never start together.</summary>
    public const string Schedule = "0 25 */2 * * *";

    [Function(nameof(SyncSoundCloud))]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        sync.RunAsync(only: ConnectorKey, cancellationToken: cancellationToken);
}

using Microsoft.Azure.Functions.Worker;
using MonaSpark.Application.Ingestion;

namespace MonaSpark.Functions.Triggers;

/// <summary>Syncs the <c>spotify</c> connector(s) every hour (SourceSync: resumes from the cursor, skips a source still fresh, MonaSpark:Ingestion:MaxPagesPerRun pages).</summary>
public sealed class SyncSpotify(SourceSync sync)
{
    /// <summary>The connector key synced (<c>ISourceConnector.Key</c>); no connector with it means the run does nothing.</summary>
    public const string ConnectorKey = "spotify";

    /// <summary>Hourly at minute 5: the Web API's rolling rate limit is generous and popularity moves daily (NCRONTAB with seconds, UTC); minutes are staggered so sources never start together.</summary>
    public const string Schedule = "0 5 * * * *";

    [Function(nameof(SyncSpotify))]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        sync.RunAsync(only: ConnectorKey, cancellationToken: cancellationToken);
}

using Microsoft.Azure.Functions.Worker;
using MonaSpark.Application.Ingestion;

namespace MonaSpark.Functions.Triggers;

/// <summary>Syncs the <c>youtube</c> connector(s) every 6 hours (SourceSync: resumes from the cursor, skips a source still fresh, MonaSpark:Ingestion:MaxPagesPerRun pages).</summary>
public sealed class SyncYouTube(SourceSync sync)
{
    /// <summary>The connector key synced (<c>ISourceConnector.Key</c>); no connector with it means the run does nothing.</summary>
    public const string ConnectorKey = "youtube";

    /// <summary>Every 6 hours at minute 15: four runs a day keep the Data API's 10,000 daily quota units (100 per search) with room to spare (NCRONTAB with seconds, UTC); minutes are staggered so sources never start together.</summary>
    public const string Schedule = "0 15 */6 * * *";

    [Function(nameof(SyncYouTube))]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        sync.RunAsync(only: ConnectorKey, cancellationToken: cancellationToken);
}

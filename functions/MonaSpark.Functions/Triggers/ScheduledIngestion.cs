using Microsoft.Azure.Functions.Worker;
using MonaSpark.Application.Ingestion;

namespace MonaSpark.Functions.Triggers;

/// <summary>Pulls the next pages (MonaSpark:Ingestion:MaxPagesPerRun) from every source connector that is not fresh, every 15 minutes.</summary>
public sealed class ScheduledIngestion(SourceSync sync)
{
    /// <summary>Every 15 minutes, on the quarter hour (NCRONTAB with seconds).</summary>
    public const string Schedule = "0 */15 * * * *";

    [Function(nameof(ScheduledIngestion))]
    public async Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        await sync.RunAsync(cancellationToken: cancellationToken);
}

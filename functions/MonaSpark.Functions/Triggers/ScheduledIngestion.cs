using Microsoft.Azure.Functions.Worker;
using MonaSpark.Application.Ingestion;

namespace MonaSpark.Functions.Triggers;

/// <summary>Pulls the next pages from every source connector every 15 minutes and lands the records.</summary>
public sealed class ScheduledIngestion(SourceSync sync)
{
    /// <summary>Every 15 minutes, on the quarter hour (NCRONTAB with seconds).</summary>
    public const string Schedule = "0 */15 * * * *";

    /// <summary>Pages per connector per run (100 records each): bounded so a run ends well within the function timeout.</summary>
    public const int MaxPagesPerRun = 10;

    [Function(nameof(ScheduledIngestion))]
    public async Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        await sync.RunAsync(MaxPagesPerRun, progress: null, cancellationToken);
}

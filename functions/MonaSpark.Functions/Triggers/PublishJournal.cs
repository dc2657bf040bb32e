using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure;

namespace MonaSpark.Functions.Triggers;

/// <summary>
/// Sends new journal entries to Event Hubs every minute (ADR-004). The publisher is registered only
/// when MonaSpark:EventHubs is configured; without it each run logs one line and returns.
/// </summary>
public sealed partial class PublishJournal(IOptions<EventHubsOptions> options, ILogger<PublishJournal> logger, EventHubsJournalPublisher? publisher = null)
{
    /// <summary>Every minute, on the minute (NCRONTAB with seconds). The timer is a singleton, so runs never overlap.</summary>
    public const string Schedule = "0 * * * * *";

    [Function(nameof(PublishJournal))]
    public async Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (publisher is null)
        {
            LogNotConfigured(logger);
            return;
        }

        await publisher.PublishPendingAsync(options.Value.MaxEventsPerRun, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event Hubs is not configured (MonaSpark:EventHubs); the journal is not published")]
    private static partial void LogNotConfigured(ILogger logger);
}

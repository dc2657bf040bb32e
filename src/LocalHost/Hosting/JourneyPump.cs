using Microsoft.Extensions.Options;
using MonaSpark.Workflows.Journeys;

namespace MonaSpark.LocalHost.Hosting;

/// <summary>
/// Runs journeys in the local host: at start, resumes the journeys the journal says were in flight
/// when the host last stopped (ADR-009); then relays journal events to journeys as signals every
/// <see cref="Interval"/>, and, with <c>MonaSpark:Journeys:AutoStart</c>, starts journeys for new
/// qualified leads.
/// </summary>
internal sealed partial class JourneyPump(
    JourneyRecovery recovery,
    JourneySignalRelay relay,
    JourneyStarter starter,
    IOptions<JourneyOptions> options,
    TimeProvider time,
    ILogger<JourneyPump> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Rounds of relaying between two rounds of starts.</summary>
    private const int StartEvery = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var settings = options.Value;
        try
        {
            var resumed = await recovery.ResumeAsync(settings.Schedule(), stoppingToken);
            if (resumed > 0)
            {
                LogResumed(logger, resumed);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }

        for (var round = 0; !stoppingToken.IsCancellationRequested; round++)
        {
            try
            {
                while ((await relay.RelayAsync(cancellationToken: stoppingToken)).Read > 0)
                {
                }

                if (settings.AutoStart && round % StartEvery == 0)
                {
                    await starter.StartQualifiedAsync(settings.Campaign, settings.Schedule(), settings.StartBatch, stoppingToken);
                }

                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
                await Task.Delay(Interval * 20, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed {Count} journeys that were in flight when the host last stopped")]
    private static partial void LogResumed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Journeys: a round failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

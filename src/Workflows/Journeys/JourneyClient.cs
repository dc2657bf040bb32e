using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Outreach;
using MonaSpark.Application.Ports;

namespace MonaSpark.Workflows.Journeys;

/// <summary>
/// Starts journeys and routes signals to them, through a <see cref="DurableTaskClient"/> (the local
/// engine's or Durable Functions'). One journey per artist at a time: starting one for an artist
/// whose journey is still running does nothing. Starts slow down while the work queue, which carries
/// the sends, is deeper than <see cref="OutreachOptions.BackpressureDepth"/>, so new journeys queue at
/// the door instead of piling up at the providers.
/// </summary>
public sealed partial class JourneyClient(
    DurableTaskClient client,
    JourneyRecords records,
    IWorkQueue queue,
    IOptions<OutreachOptions> options,
    TimeProvider time,
    ILogger<JourneyClient> logger)
{
    /// <summary>How long a start waits between looks at a backed-up send path.</summary>
    public static readonly TimeSpan BackpressurePause = TimeSpan.FromMilliseconds(50);

    private long depthCheckedAt;
    private bool depthChecked;

    /// <summary>
    /// Starts the artist's journey unless one is running, or has run and <paramref name="again"/> is
    /// false; true when this call started it.
    /// </summary>
    public async Task<bool> StartAsync(string artistId, string campaignId, JourneySchedule schedule, bool again = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(artistId);
        var offerId = options.Value.Campaign(campaignId).OfferId;
        var journeyId = JourneyIds.For(artistId);
        var existing = await client.GetInstanceAsync(journeyId, getInputsAndOutputs: false, cancellationToken);
        if (IsActive(existing))
        {
            return false;
        }

        if (existing is not null && !again)
        {
            return false;
        }

        if (existing is not null)
        {
            // A finished journey's history goes: its facts are in the journal.
            await client.PurgeInstanceAsync(journeyId, new PurgeInstanceOptions(Recursive: true), cancellationToken);
        }

        await WaitForRoomAsync(cancellationToken);
        var startedAt = time.GetUtcNow();
        await client.ScheduleNewOrchestrationInstanceAsync(
            LeadJourneyOrchestration.Name, new JourneyInput(artistId, campaignId, startedAt, schedule), new StartOrchestrationOptions(journeyId), cancellationToken);
        await records.StartedAsync(artistId, journeyId, campaignId, offerId, startedAt, cancellationToken);
        return true;
    }

    /// <summary>Resumes a journey the journal says is in flight (the local host after a restart): same id, same input.</summary>
    /// <returns>True when scheduled; false when it is already running.</returns>
    public async Task<bool> ResumeAsync(JourneyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var journeyId = JourneyIds.For(input.ArtistId);
        if (await client.GetInstanceAsync(journeyId, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return false;
        }

        await client.ScheduleNewOrchestrationInstanceAsync(LeadJourneyOrchestration.Name, input, new StartOrchestrationOptions(journeyId), cancellationToken);
        return true;
    }

    /// <summary>Raises <paramref name="signal"/> to the artist's journey and those of its stages it concerns that are running.</summary>
    /// <returns>How many instances received it.</returns>
    public async Task<int> SignalAsync(string artistId, JourneySignal signal, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(artistId);
        ArgumentNullException.ThrowIfNull(signal);
        var raised = 0;
        foreach (var target in JourneySignals.Targets(JourneyIds.For(artistId), signal.Kind))
        {
            var instance = await client.GetInstanceAsync(target, getInputsAndOutputs: false, cancellationToken);
            if (IsActive(instance))
            {
                await client.RaiseEventAsync(target, JourneySignals.EventName, signal, cancellationToken);
                raised++;
            }
        }

        if (raised == 0)
        {
            LogNoJourney(logger, artistId, signal.Kind);
        }

        return raised;
    }

    /// <summary>True while the artist's journey is pending or running.</summary>
    public async Task<bool> IsRunningAsync(string artistId, CancellationToken cancellationToken = default)
    {
        return IsActive(await client.GetInstanceAsync(JourneyIds.For(artistId), getInputsAndOutputs: false, cancellationToken));
    }

    /// <summary>Pending, running or suspended: an instance that will still act on a signal.</summary>
    private static bool IsActive(OrchestrationMetadata? instance) =>
        instance is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended };

    private async Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        var limit = options.Value.BackpressureDepth;
        if (time.GetElapsedTime(depthCheckedAt) < BackpressurePause && depthChecked)
        {
            // Room a moment ago: starts in a burst look at the queue once per pause, not once each.
            return;
        }

        var waited = false;
        while (await queue.GetDepthAsync(cancellationToken) > limit)
        {
            waited = true;
            await Task.Delay(BackpressurePause, time, cancellationToken);
        }

        depthCheckedAt = time.GetTimestamp();
        depthChecked = true;

        if (waited)
        {
            LogBackpressure(logger, limit);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "No running journey of {ArtistId} for a {Kind} signal")]
    private static partial void LogNoJourney(ILogger logger, string artistId, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journey start held back: more than {Limit} items waiting in the work queue")]
    private static partial void LogBackpressure(ILogger logger, int limit);
}

using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Workflows.Journeys;

/// <summary>One round of relaying: events read, signals raised.</summary>
public sealed record RelayResult(int Read, int Raised);

/// <summary>
/// Signals come from the journal: whatever reports an artist's answer (a webhook, the landing page,
/// the unsubscribe page, an erasure) or a queued send's outcome appends its event, and the relay follows the journal from its
/// checkpoint and raises the matching signal to the artist's journey, with the event's journal
/// position as the signal's id. So a signal is never lost (the event is stored first), applied once
/// (the position), and can be raised again after a restart with the same id. Only events after the
/// start of the artist's current journey are relayed to it.
/// </summary>
public sealed class JourneySignalRelay(IJournal journal, IReadModelStore checkpoints, JourneyClient journeys, JourneySignalRelay.Memory memory)
{
    /// <summary>The checkpoint's name in the read-model store.</summary>
    public const string CheckpointName = "journey-signals";


    /// <summary>Relays what the journal holds beyond the checkpoint, up to <paramref name="maxEvents"/> events.</summary>
    /// <returns>How many events were read (0: caught up) and how many signals were raised.</returns>
    public async Task<RelayResult> RelayAsync(int maxEvents = 1_000, CancellationToken cancellationToken = default)
    {
        var raised = await RetryEarlyAsync(cancellationToken);
        var from = await checkpoints.GetCheckpointAsync(CheckpointName, cancellationToken);
        var entries = await journal.ReadAsync(from, maxEvents, cancellationToken);
        foreach (var entry in entries)
        {
            raised += await RelayAsync(entry, cancellationToken);
        }

        if (entries.Count > 0)
        {
            await checkpoints.SaveAsync(CheckpointName, [], entries[^1].Position, cancellationToken);
        }

        return new RelayResult(entries.Count, raised);
    }

    /// <summary>Moves the checkpoint back to just before <paramref name="position"/> (after a restart, to raise the signals of resumed journeys again).</summary>
    public async Task RewindAsync(long position, CancellationToken cancellationToken = default)
    {
        var current = await checkpoints.GetCheckpointAsync(CheckpointName, cancellationToken);
        if (position - 1 < current)
        {
            await checkpoints.SaveAsync(CheckpointName, [], Math.Max(0, position - 1), cancellationToken);
        }
    }

    /// <summary>The signal an event means to a journey, or null when it means nothing to one.</summary>
    public static JourneySignal? SignalOf(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var id = $"j{entry.Position}";
        var at = entry.Event.OccurredAt;
        return entry.Event switch
        {
            LinkClicked c => new JourneySignal(JourneySignals.Clicked, id, at, c.MessageId),
            LandingViewed => new JourneySignal(JourneySignals.LandingViewed, id, at),
            OnboardingStarted => new JourneySignal(JourneySignals.SignedUp, id, at),
            SignupCompleted => new JourneySignal(JourneySignals.OnboardingCompleted, id, at),
            PaymentSucceeded => new JourneySignal(JourneySignals.PaymentSucceeded, id, at),
            MessageReceived => new JourneySignal(JourneySignals.Replied, id, at),
            OptedOut => new JourneySignal(JourneySignals.OptedOut, id, at),
            DataErased => new JourneySignal(JourneySignals.Erased, id, at),
            DeliveryReported { Kind: nameof(DeliveryEventKind.Bounced) } d => new JourneySignal(JourneySignals.Bounced, id, at, d.MessageId),
            OutreachSent s => new JourneySignal(JourneySignals.MessageSent, id, at, s.MessageId),
            OutreachDeferred d => new JourneySignal(JourneySignals.MessageDeferred, id, at, d.MessageId, d.Reason, d.NotBefore, d.Dispatch),
            OutreachCancelled c => new JourneySignal(JourneySignals.MessageRefused, id, at, c.MessageId, c.Reason),
            OutreachFailed f => new JourneySignal(JourneySignals.MessageFailed, id, at, f.MessageId, f.Reason),
            _ => null,
        };
    }

    private async Task<int> RelayAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Event is JourneyStarted started)
        {
            memory.JourneyStarts[started.StreamId] = entry.Position;
            return 0;
        }

        if (SignalOf(entry) is not { } signal)
        {
            return 0;
        }

        // Only answers to the current journey: an old click must not push a new journey along. When the
        // relay did not see the start (it began after it), the journey is older than the checkpoint.
        if (memory.JourneyStarts.TryGetValue(entry.Event.StreamId, out var start) && entry.Position < start)
        {
            return 0;
        }

        if (await journeys.SignalAsync(entry.Event.StreamId, signal, cancellationToken) > 0)
        {
            return 1;
        }

        // The journey has not reached the stage yet: keep the signal until it does, or the journey ends.
        if (IsStageSignal(signal.Kind) && await journeys.IsRunningAsync(entry.Event.StreamId, cancellationToken))
        {
            memory.Early.Add((entry.Event.StreamId, signal));
        }

        return 0;
    }

    private static bool IsStageSignal(string kind) =>
        kind is JourneySignals.OnboardingCompleted or JourneySignals.PaymentSucceeded or JourneySignals.PaymentFailed;

    private async Task<int> RetryEarlyAsync(CancellationToken cancellationToken)
    {
        var raised = 0;
        foreach (var item in memory.Early.ToList())
        {
            if (await journeys.SignalAsync(item.ArtistId, item.Signal, cancellationToken) > 0)
            {
                raised++;
                memory.Early.Remove(item);
            }
            else if (!await journeys.IsRunningAsync(item.ArtistId, cancellationToken))
            {
                memory.Early.Remove(item);
            }
        }

        return raised;
    }

    /// <summary>
    /// What the relay remembers between rounds, one per process (a singleton): where each artist's journey
    /// started, and the stage signals waiting for their stage. The relay itself is made per round (on
    /// Azure, around the round's Durable client).
    /// </summary>
    public sealed class Memory
    {
        internal Dictionary<string, long> JourneyStarts { get; } = new(StringComparer.Ordinal);

        internal List<(string ArtistId, JourneySignal Signal)> Early { get; } = [];
    }
}

using System.Collections.Concurrent;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Work;

namespace MonaSpark.Workflows.Tests;

/// <summary>
/// A scoring handler that records every delivery and fails as scripted per artist: how many first
/// attempts throw a transient error, or a permanent one. Thread-safe: the engine runs activities in parallel.
/// </summary>
internal sealed class ScriptedScoreHandler : IWorkItemHandler
{
    private readonly ConcurrentDictionary<string, int> _transientFailures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _permanentFailures = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<WorkItem> _attempts = new();
    private readonly ConcurrentQueue<WorkItem> _successes = new();
    private int _inFlight;
    private int _maxInFlight;

    public string Kind => WorkKinds.ScoreArtist;

    /// <summary>Deliveries, failed ones included, in arrival order.</summary>
    public IReadOnlyList<WorkItem> Attempts => [.. _attempts];

    /// <summary>Deliveries that completed.</summary>
    public IReadOnlyList<WorkItem> Successes => [.. _successes];

    /// <summary>The most deliveries that ran at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>The first <paramref name="times"/> deliveries for the artist throw a transient error.</summary>
    public ScriptedScoreHandler FailFirst(string artistId, int times)
    {
        _transientFailures[artistId] = times;
        return this;
    }

    public ScriptedScoreHandler FailAlways(string artistId) => FailFirst(artistId, int.MaxValue);

    public ScriptedScoreHandler FailPermanently(string artistId)
    {
        _permanentFailures[artistId] = true;
        return this;
    }

    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        _attempts.Enqueue(item);
        var now = Interlocked.Increment(ref _inFlight);
        try
        {
            int seen;
            do
            {
                seen = Volatile.Read(ref _maxInFlight);
            }
            while (now > seen && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen);

            // Long enough for a second activity to overlap if the saga allowed it.
            await Task.Delay(50, cancellationToken);
            if (_permanentFailures.ContainsKey(item.SubjectId))
            {
                throw new PermanentWorkException($"'{item.SubjectId}' cannot be scored.");
            }

            if (_transientFailures.TryGetValue(item.SubjectId, out var remaining) && remaining > 0)
            {
                _transientFailures[item.SubjectId] = remaining - 1;
                throw new InvalidOperationException($"Store unavailable while scoring '{item.SubjectId}'.");
            }

            _successes.Enqueue(item);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

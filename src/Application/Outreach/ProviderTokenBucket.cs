using System.Threading.RateLimiting;

namespace MonaSpark.Application.Outreach;

/// <summary>
/// One provider's token bucket, refilled only by <see cref="Replenish"/> (called on the injected clock's
/// timer) with the tokens of the time that passed, and granting waiting sends oldest first.
/// <see cref="TokenBucketRateLimiter"/> does not fit: replenished by hand it measures real elapsed time
/// (<c>Stopwatch</c>), so a fake clock cannot drive it, and its whole tokens per period make 1/s into 10/s.
/// Tokens are counted in millionths so fractional rates add up exactly.
/// </summary>
internal sealed class ProviderTokenBucket : IDisposable
{
    private const long Unit = 1_000_000;

    private readonly Lock _gate = new();
    private readonly LinkedList<Waiter> _queue = new();
    private readonly long _limit;
    private readonly double _perSecond;
    private long _tokens;
    private bool _disposed;

    /// <param name="limit">The bucket's size: sends allowed at once after a quiet spell (at least 1).</param>
    /// <param name="perSecond">Tokens added per second of elapsed time (may be a fraction).</param>
    public ProviderTokenBucket(int limit, double perSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        _limit = limit * Unit;
        _perSecond = perSecond;
        _tokens = _limit;
    }

    /// <summary>Whole tokens in the bucket.</summary>
    public long Available
    {
        get
        {
            lock (_gate)
            {
                return _tokens / Unit;
            }
        }
    }

    /// <summary>Sends waiting for a token.</summary>
    public long Queued
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<RateLimitLease>(cancellationToken);
        }

        var waiter = new Waiter();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_queue.Count == 0 && _tokens >= Unit)
            {
                _tokens -= Unit;
                return ValueTask.FromResult<RateLimitLease>(AcquiredLease.Instance);
            }

            // Under the lock, so a grant sees the registration it must dispose (Lock is re-entrant if it fires at once).
            var node = _queue.AddLast(waiter);
            if (cancellationToken.CanBeCanceled)
            {
                waiter.Registration = cancellationToken.Register(() => Cancel(node, cancellationToken));
            }
        }

        return new ValueTask<RateLimitLease>(waiter.Completion.Task);
    }

    /// <summary>Adds the tokens of <paramref name="elapsed"/> (up to the limit) and hands them to the oldest waiting sends.</summary>
    public void Replenish(TimeSpan elapsed)
    {
        var added = elapsed > TimeSpan.Zero ? (long)Math.Round(_perSecond * elapsed.TotalSeconds * Unit) : 0;
        var granted = new List<Waiter>();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _tokens = Math.Min(_limit, _tokens + added);
            while (_queue.First is { } first && _tokens >= Unit)
            {
                _queue.RemoveFirst();
                _tokens -= Unit;
                granted.Add(first.Value);
            }
        }

        foreach (var waiter in granted)
        {
            waiter.Registration.Dispose();
            waiter.Completion.TrySetResult(AcquiredLease.Instance);
        }
    }

    public void Dispose()
    {
        List<Waiter> waiting;
        lock (_gate)
        {
            _disposed = true;
            waiting = [.. _queue];
            _queue.Clear();
        }

        foreach (var waiter in waiting)
        {
            waiter.Registration.Dispose();
            waiter.Completion.TrySetException(new ObjectDisposedException(nameof(ProviderTokenBucket)));
        }
    }

    private void Cancel(LinkedListNode<Waiter> node, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Already granted (or disposed): the send goes ahead with its token.
            if (node.List is null)
            {
                return;
            }

            _queue.Remove(node);
        }

        node.Value.Completion.TrySetCanceled(cancellationToken);
    }

    private sealed class Waiter
    {
        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }
}

/// <summary>A granted send: a token bucket's token is spent, not returned, so disposing it does nothing.</summary>
internal sealed class AcquiredLease : RateLimitLease
{
    public static readonly AcquiredLease Instance = new();

    public override bool IsAcquired => true;

    public override IEnumerable<string> MetadataNames => [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        return false;
    }
}

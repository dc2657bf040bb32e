using System.Collections.Concurrent;

namespace MonaSpark.Adapters.Scraping.Fetching;

/// <summary>
/// Politeness per host: one page request at a time, and the next one starts no sooner than the delay
/// after the previous one finished (a slow response does not eat into the gap). Waiting is on the
/// injected <see cref="TimeProvider"/>, never a thread sleep; other hosts are never held back.
/// </summary>
public sealed class PolitenessGate(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, HostSlot> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Waits for <paramref name="host"/>'s turn. Dispose the lease when the request is done: the host's
    /// next request is then due <paramref name="delay"/> later.
    /// </summary>
    public async Task<IDisposable> EnterAsync(string host, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        var slot = _hosts.GetOrAdd(host, _ => new HostSlot());
        await slot.Turn.WaitAsync(cancellationToken);
        try
        {
            var wait = slot.NextDue - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
        }
        catch
        {
            slot.Turn.Release();
            throw;
        }

        return new Lease(slot, delay, time);
    }

    private sealed class HostSlot
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public DateTimeOffset NextDue { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed class Lease(HostSlot slot, TimeSpan delay, TimeProvider time) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                slot.NextDue = time.GetUtcNow() + delay;
                slot.Turn.Release();
            }
        }
    }
}

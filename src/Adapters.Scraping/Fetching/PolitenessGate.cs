namespace MonaSpark.Adapters.Scraping.Fetching;

/// <summary>
/// Spaces page requests to the same host: each caller reserves the next free slot for the host and
/// waits for it on the injected <see cref="TimeProvider"/> (never a thread sleep), so concurrent
/// callers queue up in order and other hosts are not held back.
/// </summary>
public sealed class PolitenessGate(TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _next = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>Waits until a request to <paramref name="host"/> is due; the following one is due <paramref name="delay"/> later.</summary>
    public async Task WaitTurnAsync(string host, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        TimeSpan wait;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var due = _next.TryGetValue(host, out var next) && next > now ? next : now;
            _next[host] = due + delay;
            wait = due - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}

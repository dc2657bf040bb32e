using System.Collections.Concurrent;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Local;

/// <summary>
/// Provider rate limits for one process (the local host, where one process sends everything): the
/// theoretical arrival time of each provider in memory, under a lock per provider.
/// </summary>
public sealed class InProcessProviderRateLimiter : IProviderRateLimiter
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    public ValueTask<RateReservation> ReserveAsync(string provider, ProviderRateLimit limit, DateTimeOffset now, TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        var slot = _slots.GetOrAdd(provider, _ => new Slot());
        lock (slot)
        {
            var (reservation, tat) = CellRate.Reserve(slot.Tat, limit, now, maxWait);
            slot.Tat = tat;
            return ValueTask.FromResult(reservation);
        }
    }

    private sealed class Slot
    {
        public DateTimeOffset? Tat { get; set; }
    }
}

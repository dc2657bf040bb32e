namespace MonaSpark.Application.Ports;

/// <summary>
/// A provider's rate limit shared by every sender of it: in one process locally, across every
/// instance of the Functions app on Azure (which scales out, so an in-process bucket per instance
/// would multiply the limit). A reservation takes the provider's next free slot (GCRA: the exact
/// equivalent of a token bucket of <see cref="ProviderRateLimit.Burst"/> tokens refilled at
/// <see cref="ProviderRateLimit.PerSecond"/>), so in any window of T seconds a provider sees at most
/// <c>Burst + PerSecond × T</c> requests, however many callers reserve at once.
/// </summary>
public interface IProviderRateLimiter
{
    /// <summary>
    /// Reserves <paramref name="provider"/>'s next slot if it comes within <paramref name="maxWait"/>
    /// of <paramref name="now"/>: granted, the caller sends once <see cref="RateReservation.Delay"/> has
    /// passed; refused, nothing is held and the caller tries again after <see cref="RateReservation.Delay"/>.
    /// </summary>
    ValueTask<RateReservation> ReserveAsync(string provider, ProviderRateLimit limit, DateTimeOffset now, TimeSpan maxWait, CancellationToken cancellationToken = default);
}

/// <summary>A sustained rate and the burst allowed above it (the bucket's size, at least 1).</summary>
public readonly record struct ProviderRateLimit(double PerSecond, int Burst)
{
    /// <summary>The time between two slots at the sustained rate.</summary>
    public TimeSpan Interval => TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / PerSecond));

    /// <summary>How far ahead of the sustained rate a burst may run: (burst − 1) intervals.</summary>
    public TimeSpan Tolerance => Interval * (Math.Max(1, Burst) - 1);
}

/// <param name="Granted">True: the slot is held; false: nothing is held.</param>
/// <param name="Delay">Granted: how long to wait before sending. Refused: when to try again.</param>
public readonly record struct RateReservation(bool Granted, TimeSpan Delay);

/// <summary>
/// The generic cell rate algorithm on one number, the provider's theoretical arrival time (TAT):
/// a request at <c>now</c> conforms from <c>TAT − tolerance</c>; reserving moves TAT one interval on.
/// Pure, so every adapter stores the number its own way and decides the same.
/// </summary>
public static class CellRate
{
    /// <summary>The decision for a request at <paramref name="now"/>, and the TAT to store when granted (unchanged when refused).</summary>
    public static (RateReservation Reservation, DateTimeOffset Tat) Reserve(DateTimeOffset? tat, ProviderRateLimit limit, DateTimeOffset now, TimeSpan maxWait)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit.PerSecond);
        var from = tat is { } t && t > now ? t : now;
        var conformsAt = from - limit.Tolerance;
        var wait = conformsAt > now ? conformsAt - now : TimeSpan.Zero;
        if (wait > maxWait)
        {
            return (new RateReservation(false, wait - maxWait), tat ?? now);
        }

        return (new RateReservation(true, wait), from + limit.Interval);
    }
}

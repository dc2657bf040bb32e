using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Application.Outreach;

/// <summary>
/// One token bucket per provider (per channel): a send waits for a token, so a provider never sees
/// more than its sustained rate plus its burst, however many journeys are sending. Tokens are
/// replenished on the injected clock every <see cref="ReplenishmentPeriod"/>, a tenth of a second's
/// rate at a time (a fraction for rates under 10/s), so tests drive it exactly. A channel without a
/// configured limit is not limited.
/// </summary>
public sealed class ProviderRateLimits : IDisposable
{
    /// <summary>How often tokens are added (100 ms: one tenth of a second's rate at a time).</summary>
    public static readonly TimeSpan ReplenishmentPeriod = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<ContactChannel, ProviderTokenBucket> limiters = new();
    private readonly ITimer timer;
    private readonly IOptions<OutreachOptions> options;
    private readonly TimeProvider time;
    private readonly Lock replenishing = new();
    private long lastReplenished;

    public ProviderRateLimits(IOptions<OutreachOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.options = options;
        this.time = time;
        lastReplenished = time.GetTimestamp();
        timer = time.CreateTimer(_ => Replenish(), null, ReplenishmentPeriod, ReplenishmentPeriod);
    }

    /// <summary>Waits for a token of <paramref name="channel"/>'s bucket; the lease must be disposed after the send.</summary>
    public ValueTask<RateLimitLease> AcquireAsync(ContactChannel channel, CancellationToken cancellationToken = default) =>
        LimiterFor(channel)?.AcquireAsync(cancellationToken) ?? ValueTask.FromResult<RateLimitLease>(AcquiredLease.Instance);

    /// <summary>Sends waiting for a token, over every provider: the depth of the send path.</summary>
    public long Waiting => limiters.Values.Sum(l => l.Queued);

    /// <summary>Tokens waiting in <paramref name="channel"/>'s bucket (null when unlimited).</summary>
    public long? Available(ContactChannel channel) => LimiterFor(channel)?.Available;

    public void Dispose()
    {
        timer.Dispose();
        foreach (var limiter in limiters.Values)
        {
            limiter.Dispose();
        }
    }

    /// <summary>
    /// Adds the tokens of the time that really passed since the last refill, not one period's per tick: a
    /// timer that fires late and then early would otherwise refill eleven times in a second and let the
    /// provider see more than its rate.
    /// </summary>
    private void Replenish()
    {
        TimeSpan elapsed;
        lock (replenishing)
        {
            var now = time.GetTimestamp();
            elapsed = time.GetElapsedTime(lastReplenished, now);
            lastReplenished = now;
        }

        foreach (var limiter in limiters.Values)
        {
            limiter.Replenish(elapsed);
        }
    }

    private ProviderTokenBucket? LimiterFor(ContactChannel channel)
    {
        if (!options.Value.RateLimits.TryGetValue(channel, out var settings))
        {
            return null;
        }

        return limiters.GetOrAdd(channel, _ =>
        {
            var perPeriod = settings.PerSecond * ReplenishmentPeriod.TotalSeconds;
            var burst = settings.Burst > 0 ? settings.Burst : Math.Max(1, (int)Math.Round(perPeriod));
            return new ProviderTokenBucket(burst, settings.PerSecond);
        });
    }
}

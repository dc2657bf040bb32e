using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Application.Outreach;

/// <summary>
/// One token bucket per provider (per channel): a send waits for a token, so a provider never sees
/// more than its sustained rate plus its burst, however many journeys are sending. Tokens are
/// replenished on the injected clock every <see cref="ReplenishmentPeriod"/>, so tests drive it
/// exactly. A channel without a configured limit is not limited.
/// </summary>
public sealed class ProviderRateLimits : IDisposable
{
    /// <summary>How often tokens are added (100 ms: one tenth of a second's rate at a time).</summary>
    public static readonly TimeSpan ReplenishmentPeriod = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<ContactChannel, TokenBucketRateLimiter> limiters = new();
    private readonly ITimer timer;
    private readonly IOptions<OutreachOptions> options;

    public ProviderRateLimits(IOptions<OutreachOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.options = options;
        timer = time.CreateTimer(_ => Replenish(), null, ReplenishmentPeriod, ReplenishmentPeriod);
    }

    /// <summary>Waits for a token of <paramref name="channel"/>'s bucket; the lease must be disposed after the send.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(ContactChannel channel, CancellationToken cancellationToken = default)
    {
        var limiter = LimiterFor(channel);
        if (limiter is null)
        {
            return Unlimited.Lease;
        }

        while (true)
        {
            var lease = await limiter.AcquireAsync(1, cancellationToken);
            if (lease.IsAcquired)
            {
                return lease;
            }

            // The queue is full: wait a period and try again (the caller's activity holds its place).
            lease.Dispose();
            await Task.Delay(ReplenishmentPeriod, cancellationToken);
        }
    }

    /// <summary>Sends waiting for a token, over every provider: the depth of the send path.</summary>
    public long Waiting => limiters.Values.Sum(l => l.GetStatistics()?.CurrentQueuedCount ?? 0);

    /// <summary>Tokens waiting in <paramref name="channel"/>'s bucket (null when unlimited).</summary>
    public long? Available(ContactChannel channel) => LimiterFor(channel)?.GetStatistics()?.CurrentAvailablePermits;

    public void Dispose()
    {
        timer.Dispose();
        foreach (var limiter in limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private void Replenish()
    {
        foreach (var limiter in limiters.Values)
        {
            limiter.TryReplenish();
        }
    }

    private TokenBucketRateLimiter? LimiterFor(ContactChannel channel)
    {
        if (!options.Value.RateLimits.TryGetValue(channel, out var settings))
        {
            return null;
        }

        return limiters.GetOrAdd(channel, _ =>
        {
            var perPeriod = Math.Max(1, (int)Math.Round(settings.PerSecond * ReplenishmentPeriod.TotalSeconds));
            var burst = settings.Burst > 0 ? settings.Burst : perPeriod;
            return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = perPeriod,
                ReplenishmentPeriod = ReplenishmentPeriod,
                AutoReplenishment = false,
                QueueLimit = 100_000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        });
    }

    private sealed class Unlimited : RateLimitLease
    {
        public static readonly Unlimited Lease = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}

using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Application.Outreach;

/// <summary>
/// The send path's door to each provider (one per channel): a send reserves the provider's next slot
/// through <see cref="IProviderRateLimiter"/> (in-process locally, shared by every instance on Azure)
/// and waits for it on the injected clock, so a provider never sees more than its sustained rate plus
/// its burst, however many sends are running, here or elsewhere. A slot further away than
/// <see cref="OutreachOptions.MaxRateWait"/> is not taken: the send fails with
/// <see cref="ProviderRateLimitedException"/>, a transient failure, and its work item comes back later.
/// A channel without a configured limit is not limited.
/// </summary>
public sealed class ProviderRateLimits(IProviderRateLimiter limiter, IOptions<OutreachOptions> options, TimeProvider time)
{
    private long waiting;

    /// <summary>Sends waiting for their slot, in this process.</summary>
    public long Waiting => Interlocked.Read(ref waiting);

    /// <summary>The limit of <paramref name="channel"/>'s provider, or null when it has none.</summary>
    public ProviderRateLimit? LimitOf(ContactChannel channel)
    {
        if (!options.Value.RateLimits.TryGetValue(channel, out var settings))
        {
            return null;
        }

        var burst = settings.Burst > 0 ? settings.Burst : Math.Max(1, (int)Math.Round(settings.PerSecond / 10));
        return new ProviderRateLimit(settings.PerSecond, burst);
    }

    /// <summary>Returns when <paramref name="channel"/>'s provider may take one more send.</summary>
    /// <exception cref="ProviderRateLimitedException">The next slot is further away than the longest wait allowed.</exception>
    public async Task WaitForSlotAsync(ContactChannel channel, CancellationToken cancellationToken = default)
    {
        if (LimitOf(channel) is not { } limit)
        {
            return;
        }

        var reservation = await limiter.ReserveAsync(channel.ToString(), limit, time.GetUtcNow(), options.Value.MaxRateWait, cancellationToken);
        if (!reservation.Granted)
        {
            throw new ProviderRateLimitedException(channel, reservation.Delay);
        }

        if (reservation.Delay <= TimeSpan.Zero)
        {
            return;
        }

        Interlocked.Increment(ref waiting);
        try
        {
            await Task.Delay(reservation.Delay, time, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }
}

/// <summary>A provider's slots are taken further ahead than a send may wait: try again after <see cref="RetryAfter"/>.</summary>
public sealed class ProviderRateLimitedException : Exception
{
    public ProviderRateLimitedException()
    {
    }

    public ProviderRateLimitedException(string message)
        : base(message)
    {
    }

    public ProviderRateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProviderRateLimitedException(ContactChannel channel, TimeSpan retryAfter)
        : base($"The {channel} provider's rate limit is reserved further ahead than a send may wait; retry after {retryAfter.TotalSeconds:0.###} s.")
    {
        RetryAfter = retryAfter;
    }

    public TimeSpan RetryAfter { get; }
}

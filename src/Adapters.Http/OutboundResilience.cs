using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.RateLimiting;

namespace MonaSpark.Adapters.Http;

/// <summary>
/// The outbound pipeline (Polly v8, for <c>AddResilienceHandler</c>): total timeout, then retry
/// (exponential backoff with jitter, a Retry-After header replacing the computed delay, a wait longer
/// than <see cref="OutboundResilienceOptions.MaxRetryAfter"/> not retried), circuit breaker, the
/// rolling-window rate limiter (taken by every attempt, retries included) and the per-attempt
/// timeout. Nothing else in an adapter retries.
/// </summary>
public static class OutboundResilience
{
    /// <summary>A sliding-window limiter from the options; the pipeline owner disposes it.</summary>
    public static RateLimiter CreateRateLimiter(OutboundResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.RateLimitPermits,
            Window = options.RateLimitWindow,
            SegmentsPerWindow = 6,
            QueueLimit = options.RateLimitQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <param name="isTransient">What counts as a transient failure (default: the HTTP resilience predicates); an adapter narrows it, e.g. to never retry a refused page.</param>
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        OutboundResilienceOptions options,
        TimeProvider time,
        RateLimiter limiter,
        Func<Outcome<HttpResponseMessage>, bool>? isTransient = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limiter);
        var transient = isTransient ?? HttpClientResiliencePredicates.IsTransient;
        builder.TimeProvider = time;
        builder
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout })
            .AddRetry(new HttpRetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = Math.Max(options.MaxRetryAttempts, 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetryAttempts > 0 && transient(args.Outcome)
                    && (RetryAfter(args.Outcome.Result, time) is not { } wait || wait <= options.MaxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time)),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                Name = "circuit",
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(transient(args.Outcome)),
            })
            .AddRateLimiter(new RateLimiterStrategyOptions
            {
                Name = "rate",
                RateLimiter = args => limiter.AcquireAsync(1, args.Context.CancellationToken),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
    }

    /// <summary>
    /// The wait a response asks for: Retry-After as seconds or as an HTTP date (measured on
    /// <paramref name="time"/>); null when it asks for none, so the backoff applies.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (response is null || (response.StatusCode != HttpStatusCode.TooManyRequests && (int)response.StatusCode < 500))
        {
            return null;
        }

        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}

using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.RateLimiting;

namespace MonaSpark.Adapters.Sources.Http;

/// <summary>
/// The one resilience pipeline every source's named client uses (Polly v8 through
/// <c>AddResilienceHandler</c>): total timeout, then retry (exponential backoff with jitter, a
/// Retry-After header replacing the computed delay), circuit breaker, the source's rolling-window
/// rate limiter (taken by every attempt, retries included) and the per-attempt timeout. Nothing
/// else in the adapter retries.
/// </summary>
public static class SourceResilience
{
    /// <summary>Registers the named client <paramref name="name"/> with the pipeline configured from <typeparamref name="TOptions"/>.</summary>
    public static IHttpClientBuilder AddSourceHttpClient<TOptions>(this IServiceCollection services, string name)
        where TOptions : SourceConnectorOptions
    {
        var client = services.AddHttpClient(name)
            // The pipeline owns time: HttpClient's own 100 s timeout would cut it short or hide it.
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler($"{name}-pipeline", (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value;
            var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            var limiter = CreateRateLimiter(options);
            context.OnPipelineDisposed(limiter.Dispose);
            Configure(builder, options, time, limiter);
        });
        client.AddHttpMessageHandler(() => new BufferingHandler());
        return client;
    }

    internal static RateLimiter CreateRateLimiter(SourceConnectorOptions options) => new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = options.RateLimitPermits,
        Window = options.RateLimitWindow,
        SegmentsPerWindow = 6,
        QueueLimit = options.RateLimitQueue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    internal static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, SourceConnectorOptions options, TimeProvider time, RateLimiter limiter)
    {
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
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetryAttempts > 0 && ShouldRetry(args.Outcome, options.MaxRetryAfter, time)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time)),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                Name = "circuit",
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
            })
            .AddRateLimiter(new RateLimiterStrategyOptions
            {
                Name = "rate",
                RateLimiter = args => limiter.AcquireAsync(1, args.Context.CancellationToken),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
    }

    /// <summary>Transient failures are retried, except a Retry-After longer than the caller will wait.</summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider time)
    {
        if (!HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return false;
        }

        return RetryAfter(outcome.Result, time) is not { } wait || wait <= maxRetryAfter;
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

using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Scraping.Safety;
using Polly;
using Polly.RateLimiting;

namespace MonaSpark.Adapters.Scraping.Http;

/// <summary>
/// The scraping client: <see cref="SocketsHttpHandler"/> with the SSRF <see cref="GuardedConnector"/>,
/// no automatic redirects, no proxy, no cookies; then a Polly v8 pipeline per authority (so one slow
/// or failing site neither throttles nor breaks the others): total timeout, retry (exponential
/// backoff with jitter, Retry-After honoured up to <see cref="WebScrapingOptions.MaxRetryAfter"/>),
/// circuit breaker, a rolling-window rate limiter for the domain, and the per-attempt timeout. A
/// policy refusal (<see cref="PageRefusedException"/>) is never retried nor counted as a failure.
/// </summary>
internal static class ScrapingResilience
{
    public static IHttpClientBuilder AddScrapingHttpClient(this IServiceCollection services)
    {
        var client = services.AddHttpClient(GuardedHttp.ClientName)
            .ConfigureHttpClient((sp, c) =>
            {
                // The pipeline owns time; HttpClient's own 100 s timeout would hide it.
                c.Timeout = Timeout.InfiniteTimeSpan;
                c.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", sp.GetRequiredService<IOptions<WebScrapingOptions>>().Value.UserAgent);
                c.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectCallback = sp.GetRequiredService<GuardedConnector>().ConnectAsync,
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.All,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                // Re-resolve (and re-check) addresses regularly instead of pinning a connection forever.
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        client.AddResilienceHandler("web-pipeline", (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<WebScrapingOptions>>().Value;
            var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            var limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = options.RateLimitPermits,
                Window = options.RateLimitWindow,
                SegmentsPerWindow = 6,
                QueueLimit = options.RateLimitQueue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
            context.OnPipelineDisposed(limiter.Dispose);
            Configure(builder, options, time, limiter);
        }).SelectPipelineByAuthority();
        client.AddHttpMessageHandler(sp => new BoundedBufferingHandler(sp.GetRequiredService<IOptions<WebScrapingOptions>>().Value.MaxPageBytes));
        return client;
    }

    internal static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, WebScrapingOptions options, TimeProvider time, RateLimiter limiter)
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
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetryAttempts > 0 && IsTransient(args.Outcome)
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
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            })
            .AddRateLimiter(new RateLimiterStrategyOptions
            {
                Name = "rate",
                RateLimiter = args => limiter.AcquireAsync(1, args.Context.CancellationToken),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
    }

    /// <summary>Transient HTTP failures (5xx, 408, 429, connection errors, attempt timeouts), but never a policy refusal.</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        PageRefusedException.Find(outcome.Exception) is null && HttpClientResiliencePredicates.IsTransient(outcome);

    /// <summary>The wait a 429/5xx response asks for (seconds or HTTP date, measured on <paramref name="time"/>); null means use the backoff.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
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

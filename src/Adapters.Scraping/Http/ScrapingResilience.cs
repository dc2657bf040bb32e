using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Scraping.Safety;
using MonaSpark.Adapters.Http;
using Polly;

namespace MonaSpark.Adapters.Scraping.Http;

/// <summary>
/// The scraping client: <see cref="SocketsHttpHandler"/> with the SSRF <see cref="GuardedConnector"/>,
/// no automatic redirects, no proxy, no cookies; then a Polly v8 pipeline per authority (so one slow
/// or failing site neither throttles nor breaks the others): total timeout, retry (exponential
/// backoff with jitter, Retry-After honoured up to <see cref="OutboundResilienceOptions.MaxRetryAfter"/>),
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
            var limiter = OutboundResilience.CreateRateLimiter(options);
            context.OnPipelineDisposed(limiter.Dispose);
            OutboundResilience.Configure(builder, options, time, limiter, IsTransient);
        }).SelectPipelineByAuthority();
        client.AddHttpMessageHandler(sp => new BoundedBufferingHandler(sp.GetRequiredService<IOptions<WebScrapingOptions>>().Value.MaxPageBytes));
        return client;
    }

    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        PageRefusedException.Find(outcome.Exception) is null && HttpClientResiliencePredicates.IsTransient(outcome);
}

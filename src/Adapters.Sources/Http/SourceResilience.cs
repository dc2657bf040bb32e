using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Http;

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
            var limiter = OutboundResilience.CreateRateLimiter(options);
            context.OnPipelineDisposed(limiter.Dispose);
            OutboundResilience.Configure(builder, options, time, limiter);
        });
        client.AddHttpMessageHandler(() => new BufferingHandler());
        return client;
    }

    /// <summary>The wait a response asks for (see <see cref="OutboundResilience.RetryAfter"/>).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time) => OutboundResilience.RetryAfter(response, time);
}

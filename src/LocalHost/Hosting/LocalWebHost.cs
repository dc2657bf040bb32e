using System.Threading.RateLimiting;
using MonaSpark.Adapters.Local;
using MonaSpark.Api;
using MonaSpark.Application.Ingestion;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Outreach;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Composition;
using MonaSpark.Workflows.Journeys;
using MonaSpark.Workflows.Local;
using OpenTelemetry.Metrics;

namespace MonaSpark.LocalHost.Hosting;

/// <summary>Builds the local host: the composition root with the local adapter set, the HTTP surface and the queue pump.</summary>
internal static class LocalWebHost
{
    /// <summary>Where the local host listens when <c>ASPNETCORE_URLS</c> does not say.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Requests per minute per client on the public routes (default; <see cref="PublicRateSetting"/> changes it, for a load test).</summary>
    public const int PublicRequestsPerMinute = 600;

    public const string PublicRateSetting = "MonaSpark:LocalHost:PublicRequestsPerMinute";

    /// <param name="settings">Configuration added last (the demo points the source connectors at its recorded servers).</param>
    public static WebApplication Build(string dataDirectory, bool quiet, Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration[$"{LocalStorageOptions.SectionName}:{nameof(LocalStorageOptions.DataDirectory)}"] = dataDirectory;
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        LocalDefaults(builder.Configuration, dataDirectory);

        builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("System.Net.Http", LogLevel.Warning).AddFilter("DurableTask", LogLevel.Warning);
        if (quiet)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }

        builder.AddMonaSpark(AdapterSet.Local);
        builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddPrometheusExporter());
        builder.Services.AddProblemDetails();
        // At least one request a minute: a setting of 0 or less would lock every client out.
        var perMinute = Math.Max(1, builder.Configuration.GetValue(PublicRateSetting, PublicRequestsPerMinute));

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(MonaSparkEndpoints.PublicRateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        builder.Services.AddHostedService<WorkQueuePump>();
        builder.Services.AddHostedService<ProjectionPump>();

        // The sagas: the in-process durable task engine (ADR-009), then what resumes and signals journeys.
        builder.AddLocalDurableEngine();
        builder.Services.AddOptions<JourneyOptions>().BindConfiguration(JourneyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<JourneyPump>();

        // Its own link signing key, made in the data directory once the directory is known to be ours.
        builder.Services.AddOptions<LinkSigningOptions>().ValidateOnStart().PostConfigure<IOptions<LocalStorageOptions>>((o, storage) =>
        {
            if (string.IsNullOrEmpty(o.SigningKey))
            {
                o.SigningKey = LocalSecrets.LinkSigningKey(storage.Value.DataDirectory);
            }
        });
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.MapMonaSparkApi();
        app.MapPost(
            "/api/ingest",
            (HttpRequest request, SourceSync sync, IEnumerable<ISourceConnector> connectors, CancellationToken ct) => IngestEndpoint.PostAsync(request, sync, connectors, ct)).AddEndpointFilter<ApiKeyFilter>().RequireRateLimiting(MonaSparkEndpoints.PublicRateLimitPolicy);
        app.MapPost(
            "/api/reviews/{id}",
            (string id, HttpRequest request, MatchReviewDecisions decisions, CancellationToken ct) => ReviewDecisionEndpoint.PostAsync(id, request, decisions, ct))
            .AddEndpointFilter<ApiKeyFilter>().RequireRateLimiting(MonaSparkEndpoints.PublicRateLimitPolicy);
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    /// <summary>
    /// What the local host needs and nobody configured: links that point
    /// at the local host, and every channel delivering to the outbox folder of the data directory.
    /// </summary>
    private static void LocalDefaults(ConfigurationManager configuration, string dataDirectory)
    {
        var defaults = new Dictionary<string, string?>();

        if (string.IsNullOrEmpty(configuration["MonaSpark:Copywriting:PublicBaseUrl"]))
        {
            var url = (configuration["ASPNETCORE_URLS"] ?? configuration["urls"] ?? DefaultUrl).Split(';')[0];
            defaults["MonaSpark:Copywriting:PublicBaseUrl"] = url.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal);
        }

        var outbox = Path.GetFullPath(Path.Combine(dataDirectory, "outbox"));
        if (string.IsNullOrEmpty(configuration["MonaSpark:Email:SmtpHost"]) && string.IsNullOrEmpty(configuration["MonaSpark:Email:OutboxDirectory"]))
        {
            defaults["MonaSpark:Email:OutboxDirectory"] = Path.Combine(outbox, "email");
        }

        if (string.IsNullOrEmpty(configuration["MonaSpark:Outbox:Directory"]))
        {
            defaults["MonaSpark:Outbox:Directory"] = outbox;
        }

        configuration.AddInMemoryCollection(defaults);
    }
}

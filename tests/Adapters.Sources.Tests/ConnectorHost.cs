using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MonaSpark.Application;
using MonaSpark.Application.Ingestion;
using MonaSpark.Application.Ports;
using MonaSpark.Sources.Recordings;
using Polly.Telemetry;

namespace MonaSpark.Adapters.Sources.Tests;

/// <summary>A generic host with <c>AddSourceConnectors</c> bound to the given settings, in-memory stores and the ingestion use cases.</summary>
internal sealed class ConnectorHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ConnectorHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public InMemoryStores Stores => _host.Services.GetRequiredService<InMemoryStores>();

    public ISourceConnector Connector(string key) => _host.Services.GetServices<ISourceConnector>().Single(c => c.Key == key);

    public SourceSync Sync => _host.Services.GetRequiredService<SourceSync>();

    public static async Task<ConnectorHost> StartAsync(
        IDictionary<string, string?> settings,
        TimeProvider? time = null,
        TelemetryListener? telemetry = null,
        Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        if (telemetry is not null)
        {
            builder.Services.Configure<TelemetryOptions>(o => o.TelemetryListeners.Add(telemetry));
        }

        builder.Services.AddMetrics();
        builder.Services.AddMonaSparkApplication();
        builder.Services.AddSingleton<InMemoryStores>();
        builder.Services.AddSingleton<ISourceRecordStore>(sp => sp.GetRequiredService<InMemoryStores>());
        builder.Services.AddSingleton<IWorkQueue>(sp => sp.GetRequiredService<InMemoryStores>());
        builder.Services.AddSingleton<ISourceCursorStore>(sp => sp.GetRequiredService<InMemoryStores>());
        configure?.Invoke(builder.Services);
        builder.AddSourceConnectors();
        var host = builder.Build();
        await host.StartAsync();
        return new ConnectorHost(host);
    }

    /// <summary>The recorded server's settings for one connector only, with overrides.</summary>
    public static Dictionary<string, string?> Only(RecordedSourcesServer server, string section, params (string Key, string? Value)[] overrides)
    {
        var settings = server.ConnectorSettings()
            .Where(kv => kv.Key.StartsWith($"MonaSpark:Sources:{section}:", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in overrides)
        {
            settings[$"MonaSpark:Sources:{section}:{key}"] = value;
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

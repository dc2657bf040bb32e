using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MonaSpark.Workflows.Local;

namespace MonaSpark.Workflows.Tests;

/// <summary>
/// A generic host with the local host's durable task engine, worker and client
/// (<see cref="LocalDurableEngineExtensions.AddLocalDurableEngine"/>): sagas run in tests exactly as
/// they run in the local host, on the real engine, with no mocked orchestration context.
/// </summary>
internal sealed class EngineHost(IHost host) : IAsyncDisposable
{
    public DurableTaskClient Client { get; } = host.Services.GetRequiredService<DurableTaskClient>();

    public IServiceProvider Services => host.Services;

    public static async Task<EngineHost> StartAsync(Action<IServiceCollection> configure, Action<DurableTaskRegistry>? tasks = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLogging();
        builder.Services.AddMetrics();
        configure(builder.Services);
        builder.AddLocalDurableEngine(tasks);
        var host = builder.Build();
        await host.StartAsync();
        return new EngineHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}

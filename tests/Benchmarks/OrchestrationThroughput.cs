using System.Diagnostics;
using System.Globalization;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MonaSpark.Workflows.Local;

namespace MonaSpark.Benchmarks;

/// <summary>
/// <c>orchestration</c> mode: the local host's durable task engine (in-memory backend, gRPC sidecar on
/// a Unix socket, the concurrency decorator) running bare orchestrations, so the figure is the engine's:
/// chains of 5 activities started together, and one orchestration fanning out to 1,000 activities and
/// back in. An "action" is an activity scheduled and its result applied, as in the published anchors.
/// </summary>
internal static class OrchestrationThroughput
{
    public static async Task RunAsync(int chains)
    {
        using var host = await StartAsync();
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        await RunChainsAsync(client, 50); // warm-up: JIT, connections

        for (var round = 1; round <= 3; round++)
        {
            var clock = Stopwatch.StartNew();
            await RunChainsAsync(client, chains);
            var seconds = clock.Elapsed.TotalSeconds;
            var activities = chains * 5;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chain x5, {chains} orchestrations, round {round}: {seconds:F2} s; {activities / seconds:N0} activities/s, {chains / seconds:N0} orchestrations/s"));
        }

        for (var round = 1; round <= 3; round++)
        {
            var clock = Stopwatch.StartNew();
            var id = await client.ScheduleNewOrchestrationInstanceAsync("FanOut", 1_000);
            var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fan-out/fan-in of 1,000 activities, round {round}: {seconds:F2} s ({1_000 / seconds:N0} activities/s), sum {done.ReadOutputAs<int>()}"));
        }

        await host.StopAsync();
    }

    private static async Task RunChainsAsync(DurableTaskClient client, int count)
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(i => client.ScheduleNewOrchestrationInstanceAsync("Chain", i)));
        foreach (var id in ids)
        {
            var done = await client.WaitForInstanceCompletionAsync(id);
            if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
            {
                throw new InvalidOperationException($"{id} ended {done.RuntimeStatus}");
            }
        }
    }

    private static async Task<IHost> StartAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.AddLocalDurableEngine(registry =>
        {
            registry.AddActivityFunc<int, int>("Step", (_, value) => value + 1);
            registry.AddOrchestratorFunc<int, int>("Chain", async (context, value) =>
            {
                for (var i = 0; i < 5; i++)
                {
                    value = await context.CallActivityAsync<int>("Step", value);
                }

                return value;
            });
            registry.AddOrchestratorFunc<int, int>("FanOut", async (context, count) =>
            {
                var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => context.CallActivityAsync<int>("Step", i)));
                return results.Sum();
            });
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}

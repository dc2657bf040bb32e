using MonaSpark.Application.Ports;
using MonaSpark.Simulation;

namespace MonaSpark.LocalHost.Cli;

/// <summary>
/// <c>simulate-outcomes [--count N] [--seed S]</c>: writes simulated outreach outcomes (synthetic
/// <c>art-sim…</c> artists: features, contact, signup, payment drawn from a known rule) so that
/// <c>train</c> has history before any real outreach has run. Labelled as simulated everywhere.
/// </summary>
internal static class SimulateCommand
{
    public static Task<int> RunAsync(string dataDirectory, int count, int seed, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        HostStartup.WithExistingDataAsync(dataDirectory, error, async services =>
        {
            var report = await SimulatedOutcomes.WriteAsync(
                services.GetRequiredService<IUnitOfWork>(),
                services.GetRequiredService<IFeatureStore>(),
                services.GetRequiredService<IJournal>(),
                count,
                seed,
                services.GetRequiredService<TimeProvider>().GetUtcNow(),
                cancellationToken);
            await output.WriteLineAsync($"Simulated outcomes: {report.Contacted} synthetic artists contacted (ids art-sim…), {report.Conversions} converted. They never count as real outcomes: `train --include-simulated` learns from them.");
            return 0;
        });
}

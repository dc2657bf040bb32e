using MonaSpark.Application.Ports;
using MonaSpark.Application.Projections;

namespace MonaSpark.LocalHost.Cli;

/// <summary><c>rebuild-projections</c>: every read model deleted and rebuilt from the whole journal.</summary>
internal static class ProjectionsCommand
{
    public static Task<int> RebuildAsync(string dataDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        HostStartup.WithExistingDataAsync(dataDirectory, error, async services =>
        {
            var runner = services.GetRequiredService<ProjectionRunner>();
            var store = services.GetRequiredService<IReadModelStore>();
            foreach (var projection in runner.Projections)
            {
                var applied = await runner.RebuildAsync(projection, cancellationToken);
                var rows = await store.ListAsync(projection.Name, int.MaxValue, cancellationToken);
                var checkpoint = await store.GetCheckpointAsync(projection.Name, cancellationToken);
                await output.WriteLineAsync($"{projection.Name,-16} rebuilt: {rows.Count} rows from {applied} changes, journal position {checkpoint}");
            }

            return 0;
        });
}

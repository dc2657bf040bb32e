using MonaSpark.Application.Queries;

namespace MonaSpark.LocalHost.Cli;

/// <summary><c>kpis</c>: prints the pipeline figures of a data directory.</summary>
internal static class KpisCommand
{
    public static Task<int> RunAsync(string dataDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        HostStartup.WithExistingDataAsync(dataDirectory, error, async services =>
        {
            var kpis = await services.GetRequiredService<KpiQuery>().GetAsync(cancellationToken);
            await Report.WriteKpisAsync(output, kpis);
            return 0;
        });
}

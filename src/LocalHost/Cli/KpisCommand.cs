using MonaSpark.Application.Queries;
using MonaSpark.LocalHost.Hosting;

namespace MonaSpark.LocalHost.Cli;

/// <summary><c>kpis</c>: prints the pipeline figures of a data directory.</summary>
internal static class KpisCommand
{
    public static async Task<int> RunAsync(string dataDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(dataDirectory))
        {
            await error.WriteLineAsync($"monaspark: '{dataDirectory}' does not exist (run the demo first, or pass --data)");
            return HostStartup.DataError;
        }

        await using var app = LocalWebHost.Build(dataDirectory, quiet: true);
        if (HostStartup.Check(app.Services) is { } problem)
        {
            await error.WriteLineAsync($"monaspark: {problem}");
            return HostStartup.DataError;
        }

        var kpis = await app.Services.GetRequiredService<KpiQuery>().GetAsync(cancellationToken);
        await Report.WriteKpisAsync(output, kpis);
        return 0;
    }
}

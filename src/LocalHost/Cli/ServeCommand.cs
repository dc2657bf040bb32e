using MonaSpark.LocalHost.Hosting;

namespace MonaSpark.LocalHost.Cli;

/// <summary><c>serve</c>: the HTTP surface and the queue pump, until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(string dataDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var app = LocalWebHost.Build(dataDirectory, quiet: false);
        if (await HostStartup.StartAsync(app, cancellationToken) is { } problem)
        {
            await error.WriteLineAsync($"monaspark: {problem}");
            return HostStartup.DataError;
        }

        await output.WriteLineAsync($"MonaSpark serving {string.Join(", ", app.Urls)} (data in {dataDirectory}); Ctrl+C stops.");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}

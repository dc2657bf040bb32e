using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Local;
using MonaSpark.LocalHost.Hosting;

namespace MonaSpark.LocalHost.Cli;

/// <summary>Opens the data directory before anything else runs, turning the failures a user can fix into one line and exit code 1.</summary>
internal static class HostStartup
{
    public const int DataError = 1;

    /// <summary>Checks the data directory and the configuration; null when fine, else the one-line message.</summary>
    public static string? Check(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<SqliteDatabase>().EnsureCreated();
            return null;
        }
        catch (DataDirectoryException ex)
        {
            return ex.Message;
        }
        catch (OptionsValidationException ex)
        {
            return $"invalid configuration: {ex.Message}";
        }
        catch (IOException ex)
        {
            return $"cannot use the data directory: {ex.Message}";
        }
        catch (UnauthorizedAccessException ex)
        {
            return $"cannot use the data directory: {ex.Message}";
        }
    }

    /// <summary>Starts the host; null when it runs, else the one-line message (port in use, bad configuration).</summary>
    public static async Task<string?> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        if (Check(app.Services) is { } problem)
        {
            return problem;
        }

        try
        {
            await app.StartAsync(cancellationToken);
            return null;
        }
        catch (IOException ex)
        {
            return $"cannot listen: {ex.Message}";
        }
        catch (OptionsValidationException ex)
        {
            return $"invalid configuration: {ex.Message}";
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> against an existing data directory (the read and decide verbs):
    /// a missing or unusable one is one line on <paramref name="error"/> and exit code 1.
    /// </summary>
    public static async Task<int> WithExistingDataAsync(string dataDirectory, TextWriter error, Func<IServiceProvider, Task<int>> work)
    {
        if (!Directory.Exists(dataDirectory))
        {
            await error.WriteLineAsync($"monaspark: '{dataDirectory}' does not exist (run the demo first, or pass --data)");
            return DataError;
        }

        await using var app = LocalWebHost.Build(dataDirectory, quiet: true);
        if (Check(app.Services) is { } problem)
        {
            await error.WriteLineAsync($"monaspark: {problem}");
            return DataError;
        }

        return await work(app.Services);
    }
}

using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Local;

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
}

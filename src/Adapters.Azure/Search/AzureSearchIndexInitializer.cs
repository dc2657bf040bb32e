using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MonaSpark.Adapters.Azure.Search;

/// <summary>
/// Creates or updates the AI Search index when the host starts, so a schema change is applied at
/// deployment rather than by the first request. A failure (the service unreachable for a moment) is
/// logged, not fatal: the adapter tries again at its first use.
/// </summary>
internal sealed partial class AzureSearchIndexInitializer(AzureSearchVectorIndex index, ILogger<AzureSearchIndexInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await index.EnsureIndexAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is global::Azure.RequestFailedException or global::Azure.Identity.AuthenticationFailedException
            or HttpRequestException or TimeoutException or (OperationCanceledException and not TaskCanceledException { CancellationToken.IsCancellationRequested: true }))
        {
            LogDeferred(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The AI Search index could not be created or updated at start; the first use tries again")]
    private static partial void LogDeferred(ILogger logger, Exception exception);
}

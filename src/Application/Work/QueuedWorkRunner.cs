using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;

namespace MonaSpark.Application.Work;

/// <summary>
/// Takes one item from the work queue, dispatches it, and completes it, or gives it back with an
/// exponential delay so that it is retried and, after its attempts, dead-lettered with the reason.
/// The host decides when to call it (the local host's pump; on Azure the queue trigger does this job).
/// </summary>
public sealed partial class QueuedWorkRunner(
    IWorkQueue queue,
    WorkItemDispatcher dispatcher,
    IOptions<WorkQueueOptions> options,
    ILogger<QueuedWorkRunner> logger)
{
    /// <summary>Handles the next visible item; false when the queue had none.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var lease = await queue.LeaseAsync(settings.VisibilityTimeout, cancellationToken);
        if (lease is null)
        {
            return false;
        }

        try
        {
            await dispatcher.DispatchAsync(lease.Item, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease expires and the item is handled again later.
            throw;
        }
        catch (Exception ex)
        {
            var reason = $"{ex.GetType().Name}: {ex.Message}";
            LogFailed(logger, lease.Item.Kind, lease.Item.Id, lease.Attempt, ex);
            if (ex is PermanentWorkException)
            {
                await queue.DeadLetterAsync(lease, reason, cancellationToken);
            }
            else
            {
                var delay = TimeSpan.FromTicks(settings.RetryBaseDelay.Ticks * (1L << Math.Clamp(lease.Attempt - 1, 0, 16)));
                await queue.AbandonAsync(lease, reason, delay, cancellationToken);
            }

            return true;
        }

        await queue.CompleteAsync(lease, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work item {Kind} {Id} failed on attempt {Attempt}")]
    private static partial void LogFailed(ILogger logger, string kind, string id, int attempt, Exception exception);
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;

namespace MonaSpark.Application.Work;

/// <summary>
/// Runs a work item delivered by a host's own queue runtime (the Functions queue trigger, which
/// leases, retries and deletes messages itself). On success the id is released; a permanent failure
/// or a failure on the last attempt is recorded as a dead letter with its reason; any other failure
/// is rethrown so the runtime retries.
/// </summary>
public sealed partial class TriggeredWorkHandler(
    IWorkQueue queue,
    WorkItemDispatcher dispatcher,
    IOptions<WorkQueueOptions> options,
    ILogger<TriggeredWorkHandler> logger)
{
    public async Task HandleAsync(WorkItem item, int attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            await dispatcher.DispatchAsync(item, cancellationToken);
        }
        catch (Exception ex) when (ex is PermanentWorkException || (attempt >= options.Value.MaxAttempts && ex is not OperationCanceledException))
        {
            LogDeadLettered(logger, item.Kind, item.Id, attempt, ex);
            var reason = $"{ex.GetType().Name}: {ex.Message}";
            await queue.AcknowledgeAsync(item, attempt, reason, cancellationToken);
            await dispatcher.NotifyDeadLetteredAsync(item, reason, cancellationToken);
            return;
        }

        await queue.AcknowledgeAsync(item, attempt, null, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Work item {Kind} {Id} dead-lettered after attempt {Attempt}")]
    private static partial void LogDeadLettered(ILogger logger, string kind, string id, int attempt, Exception exception);
}

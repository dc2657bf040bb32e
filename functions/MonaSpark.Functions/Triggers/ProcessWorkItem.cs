using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Work;

namespace MonaSpark.Functions.Triggers;

/// <summary>
/// Runs every work item from the <c>work-items</c> queue (the local host's pump does the same job).
/// The runtime retries a thrown failure up to <c>maxDequeueCount</c> (host.json) and deletes the
/// message on success; the use case records dead letters. A message that is not a work item is
/// dead-lettered at once, as the queue adapter does, instead of being retried into the poison queue.
/// </summary>
public sealed partial class ProcessWorkItem(TriggeredWorkHandler handler, IWorkQueue queue, ILogger<ProcessWorkItem> logger)
{
    /// <summary>The queue the Azure work queue adapter writes to (its default <c>WorkQueueName</c>; infra creates it).</summary>
    public const string QueueName = "work-items";

    /// <param name="id">The queue message id (binding data).</param>
    /// <param name="dequeueCount">Deliveries so far, this one included (binding data).</param>
    [Function(nameof(ProcessWorkItem))]
    public async Task RunAsync([QueueTrigger(QueueName)] string message, string id, long dequeueCount, CancellationToken cancellationToken)
    {
        var attempt = (int)Math.Clamp(dequeueCount, 1, int.MaxValue);
        if (WorkItemMessage.TryParse(message, out var item, out var error))
        {
            await handler.HandleAsync(item, attempt, cancellationToken);
            return;
        }

        LogUnreadable(logger, id, error);
        await queue.AcknowledgeAsync(new WorkItem(id, WorkItemMessage.UnreadableKind, ""), attempt, $"The message body is not a work item: {error}", cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Work queue message {MessageId} is not a work item and was dead-lettered: {Error}")]
    private static partial void LogUnreadable(ILogger logger, string messageId, string error);
}

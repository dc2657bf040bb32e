using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// The work queue on an Azure Storage queue (<c>work-items</c>), the one the Functions queue trigger
/// reads: the body is the work item's JSON, base64-encoded by the client as the trigger expects. A
/// lease is a receive with a visibility timeout (token = message id + pop receipt, attempt = dequeue
/// count). Table <c>workpending</c> holds one marker per waiting or leased id, which drops duplicate
/// enqueues and gives the depth; table <c>deadletters</c> keeps dead letters with their reason, and
/// the message is also copied to <c>work-items-poison</c> for operators.
/// </summary>
public sealed partial class StorageQueueWorkQueue : IWorkQueue
{
    /// <summary>camelCase out, any case in: what the Functions worker's serializer reads and writes.</summary>
    private static readonly JsonSerializerOptions MessageJson = new(JsonSerializerDefaults.Web);

    /// <summary>Messages never expire: an expired message would leave its pending marker behind and block the id.</summary>
    private static readonly TimeSpan NeverExpire = TimeSpan.FromSeconds(-1);

    private readonly QueueClient _queue;
    private readonly QueueClient _poison;
    private readonly StorageTables _tables;
    private readonly IOptions<WorkQueueOptions> _work;
    private readonly TimeProvider _time;
    private readonly string _queueName;
    private volatile bool _queuesReady;

    /// <param name="queueService">Must encode messages as base64 (<see cref="AzureAdaptersExtensions.AddAzureStorage"/> sets this up).</param>
    public StorageQueueWorkQueue(
        QueueServiceClient queueService,
        TableServiceClient tableService,
        IOptions<AzureStorageOptions> storage,
        IOptions<WorkQueueOptions> work,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(queueService);
        ArgumentNullException.ThrowIfNull(storage);
        _queueName = storage.Value.WorkQueueName;
        _queue = queueService.GetQueueClient(_queueName);
        _poison = queueService.GetQueueClient(_queueName + "-poison");
        _tables = new StorageTables(tableService, storage);
        _work = work;
        _time = time;
    }

    public async Task EnqueueAsync(WorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var pending = await _tables.GetAsync(TableNames.WorkPending, cancellationToken);
        var marker = new TableEntity(_queueName, KeyEncoder.Encode(item.Id))
        {
            ["Kind"] = item.Kind,
            ["SubjectId"] = item.SubjectId,
            ["EnqueuedAt"] = _time.GetUtcNow(),
        };
        try
        {
            await pending.AddEntityAsync(marker, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return; // Already waiting or leased.
        }

        try
        {
            var queue = await QueueAsync(cancellationToken);
            await queue.SendMessageAsync(JsonSerializer.Serialize(item, MessageJson), null, NeverExpire, cancellationToken);
        }
        catch (Exception sendFailure) when (sendFailure is RequestFailedException or OperationCanceledException)
        {
            // Without a message the marker would block this id for good; a duplicate (the send did
            // reach the service) is the lesser harm for idempotent handlers.
            await ForgetAsync(item.Id, CancellationToken.None);
            throw;
        }
    }

    public async Task<WorkLease?> LeaseAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        var queue = await QueueAsync(cancellationToken);
        var maxAttempts = _work.Value.MaxAttempts;
        while (true)
        {
            QueueMessage? message = await queue.ReceiveMessageAsync(WholeSeconds(visibilityTimeout, minimum: 1), cancellationToken);
            if (message is null)
            {
                return null;
            }

            var item = TryRead(message);
            if (item is null)
            {
                await DeadLetterMessageAsync(message, new WorkItem(message.MessageId, UnreadableKind, ""), (int)message.DequeueCount, "The message body is not a work item.", cancellationToken);
                continue;
            }

            if (message.DequeueCount > maxAttempts)
            {
                // Every earlier lease expired without a complete or abandon: the handler keeps dying.
                await DeadLetterMessageAsync(message, item, maxAttempts, $"exceeded {maxAttempts} attempts without completing", cancellationToken);
                continue;
            }

            return new WorkLease(
                item,
                message.MessageId + "|" + message.PopReceipt,
                (int)message.DequeueCount,
                message.NextVisibleOn ?? _time.GetUtcNow() + visibilityTimeout);
        }
    }

    public async Task CompleteAsync(WorkLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var (messageId, popReceipt) = ParseToken(lease);
        var queue = await QueueAsync(cancellationToken);
        try
        {
            await queue.DeleteMessageAsync(messageId, popReceipt, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            throw LeaseLost(lease, ex);
        }

        await ForgetAsync(lease.Item.Id, cancellationToken);
    }

    public async Task AbandonAsync(WorkLease lease, string reason, TimeSpan retryAfter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (lease.Attempt >= _work.Value.MaxAttempts)
        {
            await DeadLetterAsync(lease, reason, cancellationToken);
            return;
        }

        var (messageId, popReceipt) = ParseToken(lease);
        var queue = await QueueAsync(cancellationToken);
        try
        {
            // No message text: the body stays as it is, only the visibility moves.
            await queue.UpdateMessageAsync(messageId, popReceipt, visibilityTimeout: WholeSeconds(retryAfter, minimum: 0), cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            throw LeaseLost(lease, ex);
        }
    }

    private async ValueTask<QueueClient> QueueAsync(CancellationToken cancellationToken)
    {
        if (!_queuesReady)
        {
            await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await _poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _queuesReady = true;
        }

        return _queue;
    }
}

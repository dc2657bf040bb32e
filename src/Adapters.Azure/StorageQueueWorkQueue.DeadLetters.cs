using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Azure;

public sealed partial class StorageQueueWorkQueue
{
    /// <summary>Reasons are exception messages; a bound keeps the row far below the property limit.</summary>
    private const int MaxReasonLength = 8_000;

    public async Task DeadLetterAsync(WorkLease lease, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var (messageId, popReceipt) = ParseToken(lease);
        var queue = await QueueAsync(cancellationToken);

        // Record first, then delete: a crash in between leaves a dead letter for an item that is
        // still retried, never an item that vanished without a record.
        var rowKey = await RecordDeadLetterAsync(lease.Item, lease.Attempt, reason, messageId, cancellationToken);
        try
        {
            await queue.DeleteMessageAsync(messageId, popReceipt, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            var deadLetters = await _tables.GetAsync(TableNames.DeadLetters, cancellationToken);
            await deadLetters.DeleteEntityAsync(_queueName, rowKey, ETag.All, cancellationToken);
            throw LeaseLost(lease, ex);
        }

        await _poison.SendMessageAsync(JsonSerializer.Serialize(lease.Item, MessageJson), null, NeverExpire, cancellationToken);
        await ForgetAsync(lease.Item.Id, cancellationToken);
    }

    /// <summary>
    /// The Functions runtime has already deleted (or poisoned) the message, so only the marker and
    /// the dead-letter record are ours to settle.
    /// </summary>
    public async Task AcknowledgeAsync(WorkItem item, int attempts, string? deadLetterReason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (deadLetterReason is not null)
        {
            await RecordDeadLetterAsync(item, attempts, deadLetterReason, null, cancellationToken);
        }

        await ForgetAsync(item.Id, cancellationToken);
    }

    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        var result = new List<DeadLetter>();
        if (maxCount <= 0)
        {
            return result;
        }

        var table = await _tables.GetAsync(TableNames.DeadLetters, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {_queueName}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, Math.Min(maxCount, 1000), cancellationToken: cancellationToken))
        {
            result.Add(new DeadLetter(
                new WorkItem(row.GetString("ItemId"), row.GetString("Kind"), row.GetString("SubjectId")),
                row.GetInt32("Attempts") ?? 0,
                row.GetString("Reason"),
                DateTimeOffset.Parse(row.GetString("DeadLetteredAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
            if (result.Count == maxCount)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>
    /// Items waiting or leased: the pending markers, counted exactly. The queue's own approximate
    /// message count is not used because a message the Functions runtime is still holding has
    /// already been acknowledged, and a dead-lettered id must stop counting at once.
    /// </summary>
    public async Task<long> GetDepthAsync(CancellationToken cancellationToken = default)
    {
        var table = await _tables.GetAsync(TableNames.WorkPending, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {_queueName}");
        long depth = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, 1000, ["RowKey"], cancellationToken))
        {
            depth++;
        }

        return depth;
    }

    private async Task DeadLetterMessageAsync(QueueMessage message, WorkItem item, int attempts, string reason, CancellationToken cancellationToken)
    {
        var rowKey = await RecordDeadLetterAsync(item, attempts, reason, message.MessageId, cancellationToken);
        var queue = await QueueAsync(cancellationToken);
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            // Our receive outlived its visibility and another consumer has the message now: it decides.
            var deadLetters = await _tables.GetAsync(TableNames.DeadLetters, cancellationToken);
            await deadLetters.DeleteEntityAsync(_queueName, rowKey, ETag.All, cancellationToken);
            return;
        }

        await _poison.SendMessageAsync(message.Body, null, NeverExpire, cancellationToken);
        await ForgetAsync(item.Id, cancellationToken);
    }

    /// <summary>RowKey = dead-lettered-at ticks + a unique suffix: the partition reads oldest first.</summary>
    private async Task<string> RecordDeadLetterAsync(WorkItem item, int attempts, string reason, string? messageId, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(TableNames.DeadLetters, cancellationToken);
        var at = _time.GetUtcNow();
        var rowKey = string.Create(CultureInfo.InvariantCulture, $"{at.UtcTicks:D19}|{Guid.NewGuid():N}");
        await table.AddEntityAsync(
            new TableEntity(_queueName, rowKey)
            {
                ["ItemId"] = item.Id,
                ["Kind"] = item.Kind,
                ["SubjectId"] = item.SubjectId,
                ["Attempts"] = attempts,
                ["Reason"] = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason,
                ["DeadLetteredAt"] = at.ToString("O", CultureInfo.InvariantCulture),
                ["MessageId"] = messageId,
            },
            cancellationToken);
        return rowKey;
    }

    private async Task ForgetAsync(string itemId, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(TableNames.WorkPending, cancellationToken);
        await table.DeleteEntityAsync(_queueName, KeyEncoder.Encode(itemId), ETag.All, cancellationToken);
    }
}

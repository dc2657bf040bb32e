using System.Text.Json;
using Azure.Storage.Queues.Models;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Azure;

public sealed partial class StorageQueueWorkQueue
{
    /// <summary>The kind recorded for a message that is not a work item (the Functions trigger records the same).</summary>
    private const string UnreadableKind = "unreadable";

    /// <summary>The service counts visibility in whole seconds; rounding up never shortens a lease or a delay.</summary>
    private static TimeSpan WholeSeconds(TimeSpan value, int minimum) =>
        TimeSpan.FromSeconds(Math.Max(minimum, (long)Math.Ceiling(value.TotalSeconds)));

    private static (string MessageId, string PopReceipt) ParseToken(WorkLease lease)
    {
        var separator = lease.LeaseToken.IndexOf('|', StringComparison.Ordinal);
        return separator > 0
            ? (lease.LeaseToken[..separator], lease.LeaseToken[(separator + 1)..])
            : throw new ArgumentException("Not a lease token of this queue.", nameof(lease));
    }

    private static LeaseLostException LeaseLost(WorkLease lease, Exception inner) =>
        new($"The lease on work item {lease.Item.Id} expired and the item was taken again.", inner);

    private static WorkItem? TryRead(QueueMessage message)
    {
        try
        {
            var item = message.Body.ToObjectFromJson<WorkItem>(MessageJson);
            return item is null || string.IsNullOrWhiteSpace(item.Id) || string.IsNullOrWhiteSpace(item.Kind) || string.IsNullOrWhiteSpace(item.SubjectId)
                ? null
                : item;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

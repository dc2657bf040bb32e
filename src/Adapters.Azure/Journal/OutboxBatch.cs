using Azure.Data.Tables;
using MonaSpark.Domain.Events;

namespace MonaSpark.Adapters.Azure.Journal;

/// <summary>The events of one save, staged as outbox rows in the saved entity's partition.</summary>
/// <param name="Id">Unique per save: names the rows, the intent and the journal's drained marker.</param>
/// <param name="Table">Logical name of the table the rows live in.</param>
/// <param name="PartitionKey">The saved entity's partition.</param>
/// <param name="Events">The events, in order.</param>
/// <param name="Actions">The row inserts to add to the entity's transaction.</param>
internal sealed record OutboxBatch(string Id, string Table, string PartitionKey, IReadOnlyList<DomainEvent> Events, IReadOnlyList<TableTransactionAction> Actions)
{
    public bool IsEmpty => Events.Count == 0;
}

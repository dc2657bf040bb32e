using System.Globalization;
using Azure;
using Azure.Data.Tables;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Domain.Events;

namespace MonaSpark.Adapters.Azure.Journal;

/// <summary>
/// Makes "state + events" atomic without a transaction spanning tables (ADR-002). A save writes its
/// events as outbox rows in the same entity-group transaction as the state, then drains them into
/// the journal and deletes them. An intent row written to the journal's <c>outbox</c> partition
/// before the transaction lets <see cref="RecoverAsync"/> find batches whose saver died before
/// draining; the journal's drained marker makes every drain, racing or repeated, append once.
/// </summary>
internal sealed class TableOutbox(StorageTables tables, JournalTable journal, TimeProvider time)
{
    public const string RowPrefix = "outbox|";

    /// <summary>Entity-group transactions take at most 100 operations.</summary>
    public const int MaxTransactionOperations = 100;

    /// <summary>
    /// An intent with no outbox rows this long after it was written belongs to a save whose
    /// transaction never committed; younger ones may be a save still in flight, so they are kept.
    /// </summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(5);

    /// <summary>Test seam: runs after the state committed and before the drain; throwing simulates a crash there.</summary>
    internal Func<OutboxBatch, Task>? BeforeDrainForTests { get; set; }

    public static OutboxBatch Stage(string table, string partitionKey, IReadOnlyList<DomainEvent> events)
    {
        if (events.Count > JournalTable.MaxEventsPerTransaction)
        {
            throw new InvalidOperationException($"One save can append at most {JournalTable.MaxEventsPerTransaction} events; this one has {events.Count}.");
        }

        var id = Guid.NewGuid().ToString("N");
        var actions = events.Select((e, i) =>
        {
            var row = new TableEntity(partitionKey, string.Create(CultureInfo.InvariantCulture, $"{RowPrefix}{id}|{i:D3}")) { ["EventType"] = e.EventType };
            LargeText.Write(row, "Event", StorageJson.SerializeEvent(e));
            return new TableTransactionAction(TableTransactionActionType.Add, row);
        }).ToList();
        return new OutboxBatch(id, table, partitionKey, events, actions);
    }

    /// <summary>Fails before anything is written when the save cannot be one transaction.</summary>
    public static void EnsureFits(IReadOnlyCollection<TableTransactionAction> stateActions, OutboxBatch batch)
    {
        var total = stateActions.Count + batch.Actions.Count;
        if (total > MaxTransactionOperations)
        {
            throw new InvalidOperationException(
                $"This save needs {total} row operations ({stateActions.Count} for the state, {batch.Actions.Count} for events) but one atomic transaction takes at most {MaxTransactionOperations}: split the change into several saves.");
        }
    }

    /// <summary>
    /// Submits <paramref name="stateActions"/> and the batch's outbox rows as one transaction, then
    /// drains the batch. A <see cref="TableTransactionFailedException"/> means nothing was written.
    /// </summary>
    public async Task CommitAsync(TableClient table, IReadOnlyList<TableTransactionAction> stateActions, OutboxBatch batch, CancellationToken cancellationToken)
    {
        EnsureFits(stateActions, batch);
        var actions = stateActions.Concat(batch.Actions).ToList();
        await BeginAsync(batch, cancellationToken);
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException)
        {
            await ForgetIntentAsync(batch.Id, cancellationToken);
            throw;
        }

        if (batch.IsEmpty)
        {
            return;
        }

        if (BeforeDrainForTests is { } crash)
        {
            await crash(batch);
        }

        await DrainAsync(batch.Id, batch.Table, batch.PartitionKey, batch.Events, cancellationToken);
    }

    /// <summary>Drains every batch whose saver did not get to it. Readers of the journal call this first.</summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        var journalTable = await journal.GetTableAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {JournalTable.IntentsPartition}");
        var intents = new List<TableEntity>();
        await foreach (var intent in journalTable.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            intents.Add(intent);
        }

        foreach (var intent in intents.OrderBy(i => i.GetDateTimeOffset("CreatedAt")))
        {
            var tableName = intent.GetString("Table");
            var partitionKey = intent.GetString("Partition");
            var source = await tables.GetAsync(tableName, cancellationToken);
            var rows = await ReadRowsAsync(source, partitionKey, intent.RowKey, cancellationToken);
            if (rows.Count > 0)
            {
                var events = rows.Select(r => StorageJson.DeserializeEvent(LargeText.Read(r, "Event"))).ToList();
                await DrainAsync(intent.RowKey, tableName, partitionKey, events, cancellationToken);
            }
            else if (time.GetUtcNow() - (intent.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue) > AbandonedAfter)
            {
                await ForgetIntentAsync(intent.RowKey, cancellationToken);
            }
        }
    }

    private async Task BeginAsync(OutboxBatch batch, CancellationToken cancellationToken)
    {
        if (batch.IsEmpty)
        {
            return;
        }

        var journalTable = await journal.GetTableAsync(cancellationToken);
        var intent = new TableEntity(JournalTable.IntentsPartition, batch.Id)
        {
            ["Table"] = batch.Table,
            ["Partition"] = batch.PartitionKey,
            ["CreatedAt"] = time.GetUtcNow(),
        };
        await journalTable.UpsertEntityAsync(intent, TableUpdateMode.Replace, cancellationToken);
    }

    private async Task DrainAsync(string batchId, string tableName, string partitionKey, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken)
    {
        // Null means a concurrent drainer appended this batch first: either way it is in the journal once.
        await journal.AppendAsync(events, batchId, cancellationToken);
        var source = await tables.GetAsync(tableName, cancellationToken);
        await DeleteRowsAsync(source, partitionKey, batchId, cancellationToken);
        await ForgetIntentAsync(batchId, cancellationToken);
    }

    private async Task ForgetIntentAsync(string batchId, CancellationToken cancellationToken)
    {
        var journalTable = await journal.GetTableAsync(cancellationToken);
        await journalTable.DeleteEntityAsync(JournalTable.IntentsPartition, batchId, ETag.All, cancellationToken);
    }

    private static async Task<List<TableEntity>> ReadRowsAsync(TableClient source, string partitionKey, string batchId, CancellationToken cancellationToken)
    {
        var prefix = RowPrefix + batchId + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var rows = new List<TableEntity>();
        await foreach (var row in source.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static async Task DeleteRowsAsync(TableClient source, string partitionKey, string batchId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var rows = await ReadRowsAsync(source, partitionKey, batchId, cancellationToken);
            if (rows.Count == 0)
            {
                return;
            }

            try
            {
                await source.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404 && attempt < 5)
            {
                // A concurrent drainer deleted some of them between our read and our delete: read again.
                await JournalTable.BackoffAsync(attempt, cancellationToken);
            }
        }
    }
}

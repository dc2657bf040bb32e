using System.Globalization;
using Azure.Data.Tables;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Domain.Events;

namespace MonaSpark.Adapters.Azure.Journal;

/// <summary>
/// The journal table. Partition <c>events</c> holds the head counter (RowKey <c>head</c>), one row per
/// event (RowKey = position, 19 digits, so RowKey order is position order) and one
/// <c>drained|{batch}</c> row per outbox batch already appended. Because the counter and the events
/// share a partition, moving the head and writing the events is one entity-group transaction: a
/// reader never sees a position that is allocated but not yet written, and there are no gaps.
/// Partition <c>outbox</c> holds the intents of <see cref="TableOutbox"/>.
/// </summary>
internal sealed class JournalTable(StorageTables tables)
{
    public const string EventsPartition = "events";
    public const string IntentsPartition = "outbox";

    /// <summary>Head row + drained marker + events must fit the 100-operation transaction limit.</summary>
    public const int MaxEventsPerTransaction = 98;

    private const string HeadRow = "head";
    private const string DrainedPrefix = "drained|";
    private const string LastPositionKey = "9999999999999999999";
    private const int MaxConflictRetries = 100;

    public ValueTask<TableClient> GetTableAsync(CancellationToken cancellationToken) => tables.GetAsync(TableNames.Journal, cancellationToken);

    /// <summary>
    /// Appends in order and returns the last position. With <paramref name="drainedMarker"/> the
    /// append happens at most once per marker: null means another drainer already appended it.
    /// </summary>
    public async Task<long?> AppendAsync(IReadOnlyList<DomainEvent> events, string? drainedMarker, CancellationToken cancellationToken)
    {
        if (drainedMarker is not null && events.Count > MaxEventsPerTransaction)
        {
            throw new InvalidOperationException($"An outbox batch holds at most {MaxEventsPerTransaction} events; this one has {events.Count}.");
        }

        if (events.Count == 0)
        {
            return await GetHeadAsync(cancellationToken);
        }

        var table = await GetTableAsync(cancellationToken);
        long? last = null;
        foreach (var chunk in events.Chunk(MaxEventsPerTransaction))
        {
            last = await AppendChunkAsync(table, chunk, drainedMarker, cancellationToken);
        }

        return last;
    }

    public async Task<long> GetHeadAsync(CancellationToken cancellationToken)
    {
        var table = await GetTableAsync(cancellationToken);
        var head = await table.GetEntityIfExistsAsync<TableEntity>(EventsPartition, HeadRow, cancellationToken: cancellationToken);
        return head.HasValue ? head.Value!.GetInt64("Position") ?? 0 : 0;
    }

    public async Task<IReadOnlyList<(long Position, DomainEvent Event)>> ReadAsync(long afterPosition, int maxCount, CancellationToken cancellationToken)
    {
        var result = new List<(long, DomainEvent)>();
        if (maxCount <= 0)
        {
            return result;
        }

        var table = await GetTableAsync(cancellationToken);
        var from = KeyOf(Math.Max(afterPosition, 0));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {EventsPartition} and RowKey gt {from} and RowKey le {LastPositionKey}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, Math.Min(maxCount, 1000), cancellationToken: cancellationToken))
        {
            result.Add((long.Parse(row.RowKey, CultureInfo.InvariantCulture), StorageJson.DeserializeEvent(LargeText.Read(row, "Event"))));
            if (result.Count == maxCount)
            {
                break;
            }
        }

        return result;
    }

    private static string KeyOf(long position) => position.ToString("D19", CultureInfo.InvariantCulture);

    private static async Task<bool> IsDrainedAsync(TableClient table, string marker, CancellationToken cancellationToken) =>
        (await table.GetEntityIfExistsAsync<TableEntity>(EventsPartition, DrainedPrefix + marker, ["RowKey"], cancellationToken)).HasValue;

    private static async Task<long?> AppendChunkAsync(TableClient table, DomainEvent[] chunk, string? drainedMarker, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var head = await table.GetEntityIfExistsAsync<TableEntity>(EventsPartition, HeadRow, cancellationToken: cancellationToken);
            var position = head.HasValue ? head.Value!.GetInt64("Position") ?? 0 : 0;
            var last = position + chunk.Length;
            var actions = new List<TableTransactionAction>(chunk.Length + 2);
            var newHead = new TableEntity(EventsPartition, HeadRow) { ["Position"] = last };
            actions.Add(head.HasValue
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, newHead, head.Value!.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, newHead));
            if (drainedMarker is not null)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(EventsPartition, DrainedPrefix + drainedMarker) { ["Position"] = last }));
            }

            for (var i = 0; i < chunk.Length; i++)
            {
                var row = new TableEntity(EventsPartition, KeyOf(position + 1 + i))
                {
                    ["EventType"] = chunk[i].EventType,
                    ["StreamId"] = chunk[i].StreamId,
                };
                LargeText.Write(row, "Event", StorageJson.SerializeEvent(chunk[i]));
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return last;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxConflictRetries)
            {
                // Another writer moved the head first (412, or 409 on the very first append), or a
                // concurrent drainer appended this batch already (409 on the marker).
                if (drainedMarker is not null && await IsDrainedAsync(table, drainedMarker, cancellationToken))
                {
                    return null;
                }

                await BackoffAsync(attempt, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Jittered, growing pause between optimistic retries so that contending writers spread out.
    /// It waits on the storage service, not on business time, so it is real time even when the
    /// adapter is given a fake <see cref="TimeProvider"/>.
    /// </summary>
    internal static Task BackoffAsync(int attempt, CancellationToken cancellationToken)
    {
        var ceiling = Math.Min(200, 5 << Math.Min(attempt, 6));
        return Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, ceiling)), cancellationToken);
    }
}

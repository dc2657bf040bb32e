using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.Journal;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// Raw source records in Azure Table Storage (table <c>sourcerecords</c>). Partition = record id
/// (RowKey <c>record</c>), so a point read finds it and an insert is idempotent (409 = already
/// landed); the payload is split over <c>Payload0..N</c> to pass the 64 KiB property limit. The
/// events go in as outbox rows of the same partition and transaction (ADR-002).
/// </summary>
public sealed class TableStorageSourceRecordStore : ISourceRecordStore
{
    private const string RecordRow = "record";

    private readonly StorageContext _storage;

    public TableStorageSourceRecordStore(TableServiceClient tableService, IOptions<AzureStorageOptions> options, TimeProvider time)
    {
        _storage = new StorageContext(tableService, options, time);
    }

    public async Task<bool> AddAsync(SourceRecord record, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(events);
        var table = await _storage.Tables.GetAsync(TableNames.SourceRecords, cancellationToken);
        var partition = KeyEncoder.Encode(record.Id);
        var row = new TableEntity(partition, RecordRow)
        {
            ["Id"] = record.Id,
            ["Source"] = (int)record.Source,
            ["ExternalId"] = record.ExternalId,
            ["FetchedAt"] = record.FetchedAt.ToString("O", CultureInfo.InvariantCulture),
            ["Status"] = (int)record.Status,
        };
        LargeText.Write(row, "Payload", record.Payload);

        var batch = TableOutbox.Stage(TableNames.SourceRecords, partition, events);
        try
        {
            await _storage.Outbox.CommitAsync(table, [new TableTransactionAction(TableTransactionActionType.Add, row)], batch, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<SourceRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var table = await _storage.Tables.GetAsync(TableNames.SourceRecords, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(KeyEncoder.Encode(id), RecordRow, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var e = row.Value!;
        return new SourceRecord(
            e.GetString("Id"),
            (SourceKind)(e.GetInt32("Source") ?? 0),
            e.GetString("ExternalId"),
            LargeText.Read(e, "Payload"),
            DateTimeOffset.Parse(e.GetString("FetchedAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            (SourceRecordStatus)(e.GetInt32("Status") ?? 0));
    }

    /// <exception cref="KeyNotFoundException">No record has this id.</exception>
    public async Task SetStatusAsync(string id, SourceRecordStatus status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var table = await _storage.Tables.GetAsync(TableNames.SourceRecords, cancellationToken);
        try
        {
            // Merge touches Status only; the payload and the rest stay as they landed.
            await table.UpdateEntityAsync(new TableEntity(KeyEncoder.Encode(id), RecordRow) { ["Status"] = (int)status }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new KeyNotFoundException($"No source record '{id}'.", ex);
        }
    }

    /// <summary>A scan of every record's Source and Status (a projection of two properties); counter rows would replace it at scale.</summary>
    public async Task<IReadOnlyList<SourceRecordCount>> CountBySourceAndStatusAsync(CancellationToken cancellationToken = default)
    {
        var table = await _storage.Tables.GetAsync(TableNames.SourceRecords, cancellationToken);
        var counts = new Dictionary<(SourceKind, SourceRecordStatus), long>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {RecordRow}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, 1000, ["Source", "Status"], cancellationToken))
        {
            var key = ((SourceKind)(row.GetInt32("Source") ?? 0), (SourceRecordStatus)(row.GetInt32("Status") ?? 0));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts.Select(kv => new SourceRecordCount(kv.Key.Item1, kv.Key.Item2, kv.Value)).ToList();
    }
}

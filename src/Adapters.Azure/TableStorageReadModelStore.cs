using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// Read models in Azure Table Storage (table <c>readmodels</c>): PartitionKey = projection, RowKey =
/// <c>row|{key}</c>, and the checkpoint in <c>checkpoint</c>. A save is entity-group transactions of
/// at most 100 rows, the checkpoint in the last one: a save cut short leaves rows ahead of the
/// checkpoint, and the projector's replay skips them (each row keeps the position it reflects).
/// </summary>
public sealed class TableStorageReadModelStore : IReadModelStore
{
    private const string RowPrefix = "row|";
    private const string CheckpointRow = "checkpoint";

    private readonly StorageTables _tables;

    public TableStorageReadModelStore(TableServiceClient tableService, IOptions<AzureStorageOptions> options)
    {
        _tables = new StorageTables(tableService, options);
    }

    public async Task<long> GetCheckpointAsync(string projection, CancellationToken cancellationToken = default)
    {
        var table = await _tables.GetAsync(TableNames.ReadModels, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(KeyEncoder.Encode(projection), CheckpointRow, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.GetInt64("Position") ?? 0 : 0;
    }

    public async Task SaveAsync(string projection, IReadOnlyList<ReadModelRow> rows, long checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(rows);
        var table = await _tables.GetAsync(TableNames.ReadModels, cancellationToken);
        var partition = KeyEncoder.Encode(projection);
        var actions = rows
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .Select(g => g.Last())
            .Select(r =>
            {
                var entity = new TableEntity(partition, RowPrefix + KeyEncoder.Encode(r.Key)) { ["Key"] = r.Key, ["Position"] = r.Position };
                LargeText.Write(entity, "Json", r.Json);
                return new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity);
            })
            .Append(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, CheckpointRow) { ["Position"] = checkpoint }))
            .ToList();
        foreach (var chunk in actions.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk, cancellationToken);
        }
    }

    public async Task<ReadModelRow?> GetAsync(string projection, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await _tables.GetAsync(TableNames.ReadModels, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(KeyEncoder.Encode(projection), RowPrefix + KeyEncoder.Encode(key), cancellationToken: cancellationToken);
        return found.HasValue ? Read(found.Value!) : null;
    }

    public async Task<IReadOnlyList<ReadModelRow>> ListAsync(string projection, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        var table = await _tables.GetAsync(TableNames.ReadModels, cancellationToken);
        var partition = KeyEncoder.Encode(projection);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {RowPrefix} and RowKey lt {"row}"}");
        var rows = new List<ReadModelRow>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(Read(entity));
        }

        return rows.OrderBy(r => r.Key, StringComparer.Ordinal).Take(maxCount).ToList();
    }

    public async Task ResetAsync(string projection, CancellationToken cancellationToken = default)
    {
        var table = await _tables.GetAsync(TableNames.ReadModels, cancellationToken);
        var partition = KeyEncoder.Encode(projection);
        var keys = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(entity.RowKey);
        }

        foreach (var chunk in keys.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k), ETag.All)), cancellationToken);
        }
    }

    private static ReadModelRow Read(TableEntity entity) => new(entity.GetString("Key"), LargeText.Read(entity, "Json"), entity.GetInt64("Position") ?? 0);
}

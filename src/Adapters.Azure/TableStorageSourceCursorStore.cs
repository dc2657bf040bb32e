using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// Connector cursors in Azure Table Storage (table <c>sourcecursors</c>): one partition
/// <c>cursors</c>, RowKey = connector key. A handful of rows read together, so one partition
/// keeps <see cref="ListAsync"/> a single range scan.
/// </summary>
public sealed class TableStorageSourceCursorStore : ISourceCursorStore
{
    private const string Partition = "cursors";

    private readonly StorageTables _tables;

    public TableStorageSourceCursorStore(TableServiceClient tableService, IOptions<AzureStorageOptions> options)
    {
        _tables = new StorageTables(tableService, options);
    }

    public async Task<SourceCursor?> GetAsync(string connectorKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectorKey);
        var table = await _tables.GetAsync(TableNames.SourceCursors, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, KeyEncoder.Encode(connectorKey), cancellationToken: cancellationToken);
        return found.HasValue ? Read(found.Value!) : null;
    }

    public async Task SetAsync(SourceCursor cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var table = await _tables.GetAsync(TableNames.SourceCursors, cancellationToken);
        var row = new TableEntity(Partition, KeyEncoder.Encode(cursor.ConnectorKey))
        {
            ["ConnectorKey"] = cursor.ConnectorKey,
            ["Cursor"] = cursor.Cursor,
            ["UpdatedAt"] = cursor.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["LastCompletedAt"] = cursor.LastCompletedAt?.ToString("O", CultureInfo.InvariantCulture),
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<SourceCursor>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await _tables.GetAsync(TableNames.SourceCursors, cancellationToken);
        var cursors = new List<SourceCursor>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            cursors.Add(Read(row));
        }

        return cursors.OrderBy(c => c.ConnectorKey, StringComparer.Ordinal).ToList();
    }

    private static SourceCursor Read(TableEntity row) => new(
        row.GetString("ConnectorKey"),
        row.GetString("Cursor"),
        DateTimeOffset.Parse(row.GetString("UpdatedAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        row.GetString("LastCompletedAt") is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null);
}

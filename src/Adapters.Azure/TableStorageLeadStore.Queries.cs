using Azure.Data.Tables;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Leads;

namespace MonaSpark.Adapters.Azure;

public sealed partial class TableStorageLeadStore
{
    public async Task<Lead?> GetAsync(ArtistId artistId, CancellationToken cancellationToken = default)
    {
        var table = await _storage.Tables.GetAsync(TableNames.Leads, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, LeadPrefix + artistId.Value, cancellationToken: cancellationToken);
        return row.HasValue ? ReadLead(row.Value!) : null;
    }

    public async Task<IReadOnlyList<Lead>> TopByPriorityAsync(int count, CancellationToken cancellationToken = default)
    {
        var result = new List<Lead>();
        if (count <= 0)
        {
            return result;
        }

        var table = await _storage.Tables.GetAsync(TableNames.Leads, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {PriorityPrefix} and RowKey lt {PriorityPrefix + "~"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, Math.Min(count, 1000), cancellationToken: cancellationToken))
        {
            result.Add(StorageJson.Deserialize<Lead>(LargeText.Read(row, "Json")));
            if (result.Count == count)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>A scan of the lead rows' Stage (one small property); counter rows would replace it at scale.</summary>
    public async Task<IReadOnlyDictionary<FunnelStage, long>> CountByStageAsync(CancellationToken cancellationToken = default)
    {
        var table = await _storage.Tables.GetAsync(TableNames.Leads, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {LeadPrefix} and RowKey lt {LeadPrefix + "~"}");
        var counts = new Dictionary<FunnelStage, long>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, 1000, ["Stage"], cancellationToken))
        {
            var stage = (FunnelStage)(row.GetInt32("Stage") ?? 0);
            counts[stage] = counts.GetValueOrDefault(stage) + 1;
        }

        return counts;
    }

    private static Lead ReadLead(TableEntity row) =>
        StorageJson.Deserialize<Lead>(LargeText.Read(row, "Json")) with { Version = row.GetInt64("Version") ?? 0 };
}

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

    /// <summary>
    /// A scan of the lead rows filtered on Stage by the service (one partition, ordered by row key, so
    /// by artist id); fine for the few thousand customers a lookalike search is seeded with.
    /// </summary>
    public async Task<IReadOnlyList<Lead>> ListByStageAsync(IReadOnlyCollection<FunnelStage> stages, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var result = new List<Lead>();
        if (stages.Count == 0 || max == 0)
        {
            return result;
        }

        var table = await _storage.Tables.GetAsync(TableNames.Leads, cancellationToken);
        var range = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {LeadPrefix} and RowKey lt {LeadPrefix + "~"}");
        var anyStage = string.Join(" or ", stages.Distinct().Select(s => TableClient.CreateQueryFilter($"Stage eq {(int)s}")));
        await foreach (var row in table.QueryAsync<TableEntity>($"{range} and ({anyStage})", Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            result.Add(ReadLead(row));
            if (result.Count == max)
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

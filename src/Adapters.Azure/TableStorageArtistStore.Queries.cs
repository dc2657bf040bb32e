using System.Globalization;
using Azure.Data.Tables;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Resolution;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Adapters.Azure;

public sealed partial class TableStorageArtistStore
{
    public async Task<Artist?> GetAsync(ArtistId id, CancellationToken cancellationToken = default)
    {
        var table = await _storage.Tables.GetAsync(TableNames.Artists, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(id.Value, ProfileRow, cancellationToken: cancellationToken);
        return row.HasValue ? ReadArtist(row.Value!) : null;
    }

    public async Task<Artist?> FindByProfileAsync(SourceKind platform, string externalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        var table = await _storage.Tables.GetAsync(TableNames.Artists, cancellationToken);
        var index = await table.GetEntityIfExistsAsync<TableEntity>(IndexPrefix + platform, KeyEncoder.Encode(externalId), ["ArtistId"], cancellationToken);
        var artistId = default(ArtistId);
        if (!index.HasValue || !ArtistId.TryParse(index.Value!.GetString("ArtistId"), out artistId))
        {
            return null;
        }

        var artist = await GetAsync(artistId, cancellationToken);
        return artist is not null && artist.Profiles.Any(p => p.Platform == platform && p.ExternalId == externalId)
            ? await this.FollowAsync(artist, cancellationToken)
            : null;
    }

    public async Task<IReadOnlyList<MetricSnapshot>> GetSnapshotsAsync(ArtistId id, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var table = await _storage.Tables.GetAsync(TableNames.Artists, cancellationToken);
        var from = string.Create(CultureInfo.InvariantCulture, $"{SnapshotPrefix}{Math.Max(since.UtcTicks, 0):D19}");
        var to = SnapshotPrefix + "~";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id.Value} and RowKey ge {from} and RowKey lt {to}");
        var result = new List<MetricSnapshot>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            result.Add(ReadSnapshot(row));
        }

        return result;
    }

    /// <summary>Scans the profile rows' keys only; fine at the expected size, a counter row would be next.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        var table = await _storage.Tables.GetAsync(TableNames.Artists, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"RowKey eq {ProfileRow}");
        long count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, 1000, ["PartitionKey", "MergedInto"], cancellationToken))
        {
            // Tombstones of merged artists are not artists of their own.
            count += string.IsNullOrEmpty(row.GetString("MergedInto")) ? 1 : 0;
        }

        return count;
    }

    private static Artist ReadArtist(TableEntity row) =>
        StorageJson.Deserialize<Artist>(LargeText.Read(row, "Json")) with { Version = row.GetInt64("Version") ?? 0 };
}

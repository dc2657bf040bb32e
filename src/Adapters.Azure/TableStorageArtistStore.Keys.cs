using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Resolution;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Resolution;

namespace MonaSpark.Adapters.Azure;

public sealed partial class TableStorageArtistStore
{
    private const string KeyPrefix = "key|";

    /// <summary>Encoded keys longer than this are hashed: a PartitionKey holds at most 1 KiB.</summary>
    private const int MaxKeyLength = 400;

    public Task<IReadOnlyList<Artist>> FindByNameKeyAsync(string nameKey, int max, CancellationToken cancellationToken = default) =>
        FindByKeyAsync(new MatchKey(MatchKeyKind.Name, nameKey), max, cancellationToken);

    public Task<IReadOnlyList<Artist>> FindByLinkAsync(Uri link, int max, CancellationToken cancellationToken = default) =>
        FindByKeyAsync(new MatchKey(MatchKeyKind.Link, MatchKeys.Link(link)), max, cancellationToken);

    public Task<IReadOnlyList<Artist>> FindByEmailAsync(string email, int max, CancellationToken cancellationToken = default) =>
        FindByKeyAsync(new MatchKey(MatchKeyKind.Email, MatchKeys.Email(email)), max, cancellationToken);

    /// <summary>
    /// Table Storage cannot query several partitions by key in one request: this loops
    /// <see cref="FindByKeyAsync"/> over the keys (each key's index partition and the artists it
    /// names) and returns the union, each survivor once. Same result as the SQLite adapter's single query.
    /// </summary>
    public async Task<IReadOnlyList<Artist>> FindCandidatesAsync(IReadOnlyList<MatchKey> keys, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var found = new List<Artist>();
        foreach (var key in keys.Distinct())
        {
            found.AddRange(await FindByKeyAsync(key, max, cancellationToken));
        }

        return found.DistinctBy(a => a.Id).ToList();
    }

    private async Task<IReadOnlyList<Artist>> FindByKeyAsync(MatchKey key, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key.Value);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var table = await _storage.Tables.GetAsync(TableNames.Artists, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KeyPartition(key)}");
        var found = new List<Artist>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, Math.Min(max * 2, 1000), ["RowKey"], cancellationToken))
        {
            // Index rows are written before the artist and never removed: only a stored artist that
            // still has the key counts, so a failed save or a renamed artist is never a candidate.
            if (!ArtistId.TryParse(row.RowKey, out var id)
                || await GetAsync(id, cancellationToken) is not { } artist
                || !MatchKeys.Of(artist).Contains(key)
                || await this.FollowAsync(artist, cancellationToken) is not { } survivor
                || found.Any(f => f.Id == survivor.Id))
            {
                continue;
            }

            found.Add(survivor);
            if (found.Count == max)
            {
                break;
            }
        }

        return found;
    }

    private async Task IndexKeysAsync(Artist artist, CancellationToken cancellationToken)
    {
        var keys = MatchKeys.Of(artist);
        if (keys.Count == 0)
        {
            return;
        }

        var table = await _storage.Tables.GetAsync(TableNames.Artists, cancellationToken);
        await Task.WhenAll(keys.Select(k => table.UpsertEntityAsync(
            new TableEntity(KeyPartition(k), artist.Id.Value),
            TableUpdateMode.Replace,
            cancellationToken)));
    }

    private static string KeyPartition(MatchKey key)
    {
        var encoded = KeyEncoder.Encode(key.Value);
        if (encoded.Length > MaxKeyLength)
        {
            encoded = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Value)));
        }

        return $"{KeyPrefix}{key.Kind.ToString().ToLowerInvariant()}|{encoded}";
    }
}

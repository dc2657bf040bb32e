using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using MonaSpark.Application.Resolution;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Resolution;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Adapters.Local;

public sealed partial class SqliteArtistStore
{
    public Task<Artist?> GetAsync(ArtistId id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            connection => connection.WithCommandAsync(
                "SELECT version, json FROM artists WHERE id = @id;",
                null,
                command => ReadOneAsync(command.With("@id", id.Value), cancellationToken)),
            cancellationToken);

    public async Task<Artist?> FindByProfileAsync(SourceKind platform, string externalId, CancellationToken cancellationToken = default)
    {
        var owner = await database.ReadAsync(
            connection => connection.WithCommandAsync(
                """
                SELECT a.version, a.json FROM artist_profiles p JOIN artists a ON a.id = p.artist_id
                WHERE p.platform = @platform AND p.external_id = @external;
                """,
                null,
                command => ReadOneAsync(command.With("@platform", platform.ToString()).With("@external", externalId), cancellationToken)),
            cancellationToken);
        return await this.FollowAsync(owner, cancellationToken);
    }

    public Task<IReadOnlyList<Artist>> FindByNameKeyAsync(string nameKey, int max, CancellationToken cancellationToken = default) =>
        FindByKeyAsync(new MatchKey(MatchKeyKind.Name, nameKey), max, cancellationToken);

    public Task<IReadOnlyList<Artist>> FindByLinkAsync(Uri link, int max, CancellationToken cancellationToken = default) =>
        FindByKeyAsync(new MatchKey(MatchKeyKind.Link, MatchKeys.Link(link)), max, cancellationToken);

    public Task<IReadOnlyList<Artist>> FindByEmailAsync(string email, int max, CancellationToken cancellationToken = default) =>
        FindByKeyAsync(new MatchKey(MatchKeyKind.Email, MatchKeys.Email(email)), max, cancellationToken);

    /// <summary>
    /// One statement for every key: each key's first <paramref name="max"/> rows by artist id (what
    /// <see cref="FindByKeyAsync"/> returns per key), each artist read once; tombstones followed after.
    /// </summary>
    public async Task<IReadOnlyList<Artist>> FindCandidatesAsync(IReadOnlyList<MatchKey> keys, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var wanted = keys.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var found = await database.ReadAsync(
            connection => connection.WithCommandAsync(CandidatesSql(wanted.Count, max), null, async command =>
            {
                for (var i = 0; i < wanted.Count; i++)
                {
                    ArgumentNullException.ThrowIfNull(wanted[i].Value, nameof(keys));
                    command.With(SqliteCommands.Name("@k", i), wanted[i].Kind.ToString())
                        .With(SqliteCommands.Name("@v", i), wanted[i].Value);
                }

                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var artists = new List<Artist>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (seen.Add(reader.GetString(0)))
                    {
                        artists.Add(LocalJson.Deserialize<Artist>(reader.GetString(2)) with { Version = reader.GetInt64(1) });
                    }
                }

                return artists;
            }),
            cancellationToken);

        var survivors = new List<Artist>(found.Count);
        foreach (var artist in found)
        {
            if (await this.FollowAsync(artist, cancellationToken) is { } survivor && survivors.All(s => s.Id != survivor.Id))
            {
                survivors.Add(survivor);
            }
        }

        return survivors;
    }

    private static string CandidatesSql(int keys, int max)
    {
        // One arm per key, each the index range FindByKeyAsync reads (first max by artist id), so the
        // union is exactly what one call per key would find. Measured cheaper than a CTE of the keys with
        // a window function, which builds temporary tables on every call.
        // The limit is a literal, not a parameter: SQLite plans with a bound LIMIT's value, so binding it
        // expires the compiled statement and every execution re-prepares it (measured 67 µs → 17 µs per
        // call; docs/performance.md). It is an int checked above, never text from outside.
        var arms = new StringBuilder();
        for (var i = 0; i < keys; i++)
        {
            arms.Append(CultureInfo.InvariantCulture, $"""
                {(i == 0 ? string.Empty : " UNION ALL ")}SELECT artist_id FROM (SELECT artist_id FROM artist_keys WHERE kind = @k{i} AND key = @v{i} ORDER BY artist_id LIMIT {max})
                """);
        }

        // CROSS JOIN keeps the hits as the outer loop: without table statistics the planner may
        // otherwise scan every artist and test it against the list. An artist found under several
        // keys comes once per key; the reader skips the repeats.
        return $"SELECT a.id, a.version, a.json FROM ({arms}) h CROSS JOIN artists a ON a.id = h.artist_id;";
    }

    private async Task<IReadOnlyList<Artist>> FindByKeyAsync(MatchKey key, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key.Value);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var found = await database.ReadAsync(
            async connection =>
            {
                await using var command = connection.Command(
                    """
                    SELECT a.version, a.json FROM artist_keys k JOIN artists a ON a.id = k.artist_id
                    WHERE k.kind = @kind AND k.key = @key ORDER BY a.id LIMIT @max;
                    """)
                    .With("@kind", key.Kind.ToString())
                    .With("@key", key.Value)
                    .With("@max", max);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var artists = new List<Artist>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    artists.Add(Read(reader));
                }

                return artists;
            },
            cancellationToken);

        var survivors = new List<Artist>();
        foreach (var artist in found)
        {
            if (await this.FollowAsync(artist, cancellationToken) is { } survivor && survivors.All(s => s.Id != survivor.Id))
            {
                survivors.Add(survivor);
            }
        }

        return survivors;
    }

    public Task<IReadOnlyList<MetricSnapshot>> GetSnapshotsAsync(ArtistId id, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<MetricSnapshot>>(
            async connection =>
            {
                await using var command = connection.Command(
                    """
                    SELECT platform, observed_at, followers, plays, popularity FROM snapshots
                    WHERE artist_id = @id AND observed_at >= @since
                    ORDER BY observed_at, platform;
                    """)
                    .With("@id", id.Value)
                    .With("@since", SqliteCommands.ToTicks(since));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var snapshots = new List<MetricSnapshot>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    snapshots.Add(new MetricSnapshot(
                        id,
                        Enum.Parse<SourceKind>(reader.GetString(0)),
                        reader.GetTicksAsTime(1),
                        reader.GetInt64(2),
                        reader.IsDBNull(3) ? null : reader.GetInt64(3),
                        reader.IsDBNull(4) ? null : reader.GetInt32(4)));
                }

                return snapshots;
            },
            cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = connection.Command("SELECT COUNT(*) FROM artists WHERE merged_into IS NULL;");
                return await command.ScalarInt64Async(cancellationToken);
            },
            cancellationToken);

    private static async Task<Artist?> ReadOneAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return Read(reader);
    }

    // The column is the truth for the version; the JSON copy is only what was saved with it.
    private static Artist Read(SqliteDataReader reader) =>
        LocalJson.Deserialize<Artist>(reader.GetString(1)) with { Version = reader.GetInt64(0) };
}

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
            async connection =>
            {
                await using var command = connection.Command("SELECT version, json FROM artists WHERE id = @id;").With("@id", id.Value);
                return await ReadOneAsync(command, cancellationToken);
            },
            cancellationToken);

    public async Task<Artist?> FindByProfileAsync(SourceKind platform, string externalId, CancellationToken cancellationToken = default)
    {
        var owner = await database.ReadAsync(
            async connection =>
            {
                await using var command = connection.Command(
                    """
                    SELECT a.version, a.json FROM artist_profiles p JOIN artists a ON a.id = p.artist_id
                    WHERE p.platform = @platform AND p.external_id = @external;
                    """)
                    .With("@platform", platform.ToString())
                    .With("@external", externalId);
                return await ReadOneAsync(command, cancellationToken);
            },
            cancellationToken);
        return await this.FollowAsync(owner, cancellationToken);
    }

    public Task<IReadOnlyList<Artist>> FindByNameKeyAsync(string nameKey, int max, CancellationToken cancellationToken = default) =>
        FindByKeyAsync(new MatchKey(MatchKeyKind.Name, nameKey), max, cancellationToken);

    public Task<IReadOnlyList<Artist>> FindByLinkAsync(Uri link, int max, CancellationToken cancellationToken = default) =>
        FindByKeyAsync(new MatchKey(MatchKeyKind.Link, MatchKeys.Link(link)), max, cancellationToken);

    public Task<IReadOnlyList<Artist>> FindByEmailAsync(string email, int max, CancellationToken cancellationToken = default) =>
        FindByKeyAsync(new MatchKey(MatchKeyKind.Email, MatchKeys.Email(email)), max, cancellationToken);

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

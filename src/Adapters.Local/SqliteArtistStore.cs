using Microsoft.Data.Sqlite;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;

namespace MonaSpark.Adapters.Local;

/// <summary>
/// <see cref="IArtistStore"/> on the shared SQLite file: the artist as JSON, a profile index and the
/// match keys for resolution, append-only snapshots, and the explaining events, all in one transaction.
/// </summary>
public sealed partial class SqliteArtistStore(SqliteDatabase database, TimeProvider time) : IArtistStore
{
    public Task<Artist> SaveAsync(Artist artist, IReadOnlyList<MetricSnapshot> snapshots, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artist);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(events);
        var saved = artist with { Version = artist.Version + 1 };
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                // Throwing before the commit rolls back the snapshots and events too: nothing of a stale save lands.
                await WriteArtistAsync(connection, transaction, artist.Version, saved, cancellationToken);
                // A new artist has no index rows yet: nothing to clear first.
                var isNew = artist.Version == 0;
                await WriteProfilesAsync(connection, transaction, saved, isNew, cancellationToken);
                await ArtistKeyRows.ReplaceAsync(connection, transaction, saved, isNew, cancellationToken);
                await WriteSnapshotsAsync(connection, transaction, snapshots, cancellationToken);
                await JournalRows.InsertAsync(connection, transaction, events, time.GetUtcNow(), cancellationToken);
                return saved;
            },
            cancellationToken);
    }

    private static async Task WriteArtistAsync(SqliteConnection connection, SqliteTransaction transaction, long expectedVersion, Artist saved, CancellationToken cancellationToken)
    {
        var sql = expectedVersion == 0
            ? "INSERT INTO artists (id, version, updated_at, merged_into, json) VALUES (@id, @version, @updated, @merged, @json) ON CONFLICT (id) DO NOTHING;"
            : "UPDATE artists SET version = @version, updated_at = @updated, merged_into = @merged, json = @json WHERE id = @id AND version = @expected;";
        var json = LocalJson.Serialize(saved);
        var written = await connection.WithCommandAsync(sql, transaction, command => command
            .With("@id", saved.Id.Value)
            .With("@version", saved.Version)
            .With("@updated", SqliteCommands.ToTicks(saved.UpdatedAt))
            .With("@merged", saved.MergedInto?.Value)
            .With("@json", json)
            .With("@expected", expectedVersion)
            .ExecuteNonQueryAsync(cancellationToken));
        if (written == 0)
        {
            throw new ConcurrencyException(expectedVersion == 0
                ? $"Artist '{saved.Id}' already exists."
                : $"Artist '{saved.Id}' is not at version {expectedVersion}: it was changed or does not exist.");
        }
    }

    private static async Task WriteProfilesAsync(SqliteConnection connection, SqliteTransaction transaction, Artist saved, bool isNew, CancellationToken cancellationToken)
    {
        if (!isNew)
        {
            await connection.WithCommandAsync("DELETE FROM artist_profiles WHERE artist_id = @id;", transaction, clear => clear
                .With("@id", saved.Id.Value)
                .ExecuteNonQueryAsync(cancellationToken));
        }

        // A tombstone claims nothing: its survivor holds its profiles now.
        if (saved.MergedInto is not null)
        {
            return;
        }

        // A profile belongs to one artist; the latest save that claims it wins, as an upserted index row
        // would elsewhere. One statement for all rows; every row names this artist, so a repeated
        // profile is dropped first rather than upserted twice.
        var profiles = saved.Profiles.DistinctBy(p => (p.Platform, p.ExternalId)).ToList();
        if (profiles.Count == 0)
        {
            return;
        }

        var sql = $"""
            INSERT INTO artist_profiles (platform, external_id, artist_id) VALUES {SqliteCommands.Rows(profiles.Count, "(@platform{0}, @external{0}, @id)")}
            ON CONFLICT (platform, external_id) DO UPDATE SET artist_id = excluded.artist_id;
            """;
        await connection.WithCommandAsync(sql, transaction, insert =>
        {
            insert.With("@id", saved.Id.Value);
            for (var i = 0; i < profiles.Count; i++)
            {
                insert.With(SqliteCommands.Name("@platform", i), profiles[i].Platform.ToString())
                    .With(SqliteCommands.Name("@external", i), profiles[i].ExternalId);
            }

            return insert.ExecuteNonQueryAsync(cancellationToken);
        });
    }

    private static async Task WriteSnapshotsAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<MetricSnapshot> snapshots, CancellationToken cancellationToken)
    {
        // One statement per chunk of rows rather than one per row: the statement count is the cost.
        foreach (var chunk in snapshots.Chunk(SqliteCommands.MaxRowsPerStatement))
        {
            // OR IGNORE: a replayed record observes the same (artist, platform, time) again, and snapshots are never edited.
            var sql = $"""
                INSERT OR IGNORE INTO snapshots (artist_id, platform, observed_at, followers, plays, popularity)
                VALUES {SqliteCommands.Rows(chunk.Length, "(@artist{0}, @platform{0}, @observed{0}, @followers{0}, @plays{0}, @popularity{0})")};
                """;
            await connection.WithCommandAsync(sql, transaction, insert =>
            {
                for (var i = 0; i < chunk.Length; i++)
                {
                    var snapshot = chunk[i];
                    insert.With(SqliteCommands.Name("@artist", i), snapshot.ArtistId.Value)
                        .With(SqliteCommands.Name("@platform", i), snapshot.Platform.ToString())
                        .With(SqliteCommands.Name("@observed", i), SqliteCommands.ToTicks(snapshot.ObservedAt))
                        .With(SqliteCommands.Name("@followers", i), snapshot.Followers)
                        .With(SqliteCommands.Name("@plays", i), snapshot.Plays)
                        .With(SqliteCommands.Name("@popularity", i), snapshot.Popularity);
                }

                return insert.ExecuteNonQueryAsync(cancellationToken);
            });
        }
    }
}

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
        await using var command = connection.Command(sql, transaction)
            .With("@id", saved.Id.Value)
            .With("@version", saved.Version)
            .With("@updated", SqliteCommands.ToTicks(saved.UpdatedAt))
            .With("@merged", saved.MergedInto?.Value)
            .With("@json", LocalJson.Serialize(saved))
            .With("@expected", expectedVersion);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
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
            await using var clear = connection.Command("DELETE FROM artist_profiles WHERE artist_id = @id;", transaction).With("@id", saved.Id.Value);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        // A tombstone claims nothing: its survivor holds its profiles now.
        if (saved.MergedInto is not null)
        {
            return;
        }

        // A profile belongs to one artist; the latest save that claims it wins, as an upserted index row would elsewhere.
        await using var insert = connection.Command(
            """
            INSERT INTO artist_profiles (platform, external_id, artist_id) VALUES (@platform, @external, @id)
            ON CONFLICT (platform, external_id) DO UPDATE SET artist_id = excluded.artist_id;
            """,
            transaction)
            .With("@id", saved.Id.Value);
        var platform = insert.Parameters.Add("@platform", SqliteType.Text);
        var external = insert.Parameters.Add("@external", SqliteType.Text);
        foreach (var profile in saved.Profiles)
        {
            platform.Value = profile.Platform.ToString();
            external.Value = profile.ExternalId;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task WriteSnapshotsAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<MetricSnapshot> snapshots, CancellationToken cancellationToken)
    {
        // OR IGNORE: a replayed record observes the same (artist, platform, time) again, and snapshots are never edited.
        await using var insert = connection.Command(
            """
            INSERT OR IGNORE INTO snapshots (artist_id, platform, observed_at, followers, plays, popularity)
            VALUES (@artist, @platform, @observed, @followers, @plays, @popularity);
            """,
            transaction);
        var artist = insert.Parameters.Add("@artist", SqliteType.Text);
        var platform = insert.Parameters.Add("@platform", SqliteType.Text);
        var observed = insert.Parameters.Add("@observed", SqliteType.Integer);
        var followers = insert.Parameters.Add("@followers", SqliteType.Integer);
        var plays = insert.Parameters.Add("@plays", SqliteType.Integer);
        var popularity = insert.Parameters.Add("@popularity", SqliteType.Integer);
        foreach (var snapshot in snapshots)
        {
            artist.Value = snapshot.ArtistId.Value;
            platform.Value = snapshot.Platform.ToString();
            observed.Value = SqliteCommands.ToTicks(snapshot.ObservedAt);
            followers.Value = snapshot.Followers;
            plays.Value = (object?)snapshot.Plays ?? DBNull.Value;
            popularity.Value = (object?)snapshot.Popularity ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

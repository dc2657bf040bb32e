using Microsoft.Data.Sqlite;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Resolution;

namespace MonaSpark.Adapters.Local;

/// <summary>
/// The <c>artist_keys</c> rows of an artist (<see cref="MatchKeys.Of"/>): replaced inside the
/// artist's save transaction, so the index never disagrees with the stored profile.
/// </summary>
internal static class ArtistKeyRows
{
    public static async Task ReplaceAsync(SqliteConnection connection, SqliteTransaction transaction, Artist artist, bool isNew, CancellationToken cancellationToken)
    {
        if (!isNew)
        {
            await connection.WithCommandAsync("DELETE FROM artist_keys WHERE artist_id = @id;", transaction, clear => clear
                .With("@id", artist.Id.Value)
                .ExecuteNonQueryAsync(cancellationToken));
        }

        // One statement for all the keys (a handful per artist).
        foreach (var chunk in MatchKeys.Of(artist).Chunk(SqliteCommands.MaxRowsPerStatement))
        {
            var sql = $"INSERT OR IGNORE INTO artist_keys (kind, key, artist_id) VALUES {SqliteCommands.Rows(chunk.Length, "(@kind{0}, @key{0}, @id)")};";
            await connection.WithCommandAsync(sql, transaction, insert =>
            {
                insert.With("@id", artist.Id.Value);
                for (var i = 0; i < chunk.Length; i++)
                {
                    insert.With(SqliteCommands.Name("@kind", i), chunk[i].Kind.ToString())
                        .With(SqliteCommands.Name("@key", i), chunk[i].Value);
                }

                return insert.ExecuteNonQueryAsync(cancellationToken);
            });
        }
    }

    /// <summary>Indexes every artist already stored; runs once, inside the version 3 migration.</summary>
    public static void Backfill(SqliteConnection connection, SqliteTransaction transaction)
    {
        var artists = new List<Artist>();
        using (var select = connection.Command("SELECT json FROM artists;", transaction))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                artists.Add(LocalJson.Deserialize<Artist>(reader.GetString(0)));
            }
        }

        foreach (var artist in artists)
        {
            using var insert = Insert(connection, transaction, artist.Id, out var kind, out var key);
            foreach (var k in MatchKeys.Of(artist))
            {
                kind.Value = k.Kind.ToString();
                key.Value = k.Value;
                insert.ExecuteNonQuery();
            }
        }
    }

    private static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction transaction, ArtistId id, out SqliteParameter kind, out SqliteParameter key)
    {
        var insert = connection.Command("INSERT OR IGNORE INTO artist_keys (kind, key, artist_id) VALUES (@kind, @key, @id);", transaction).With("@id", id.Value);
        kind = insert.Parameters.Add("@kind", SqliteType.Text);
        key = insert.Parameters.Add("@key", SqliteType.Text);
        return insert;
    }
}

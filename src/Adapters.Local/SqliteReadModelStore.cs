using Microsoft.Data.Sqlite;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Local;

/// <summary><see cref="IReadModelStore"/> on the shared SQLite file: rows and checkpoint in one transaction.</summary>
public sealed class SqliteReadModelStore(SqliteDatabase database) : IReadModelStore
{
    public Task<long> GetCheckpointAsync(string projection, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection =>
            {
                await using var select = connection.Command("SELECT position FROM projection_checkpoints WHERE projection = @p;").With("@p", projection);
                return await select.ScalarInt64Async(cancellationToken);
            },
            cancellationToken);

    public Task SaveAsync(string projection, IReadOnlyList<ReadModelRow> rows, long checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(rows);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                foreach (var row in rows)
                {
                    await connection.WithCommandAsync(
                        """
                        INSERT INTO read_models (projection, key, json, position) VALUES (@p, @k, @j, @pos)
                        ON CONFLICT (projection, key) DO UPDATE SET json = excluded.json, position = excluded.position;
                        """,
                        transaction,
                        upsert => upsert.With("@p", projection).With("@k", row.Key).With("@j", row.Json).With("@pos", row.Position).ExecuteNonQueryAsync(cancellationToken));
                }

                await using var mark = connection.Command(
                    """
                    INSERT INTO projection_checkpoints (projection, position) VALUES (@p, @pos)
                    ON CONFLICT (projection) DO UPDATE SET position = excluded.position;
                    """,
                    transaction)
                    .With("@p", projection)
                    .With("@pos", checkpoint);
                return await mark.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task<ReadModelRow?> GetAsync(string projection, string key, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection =>
            {
                await using var select = connection.Command("SELECT key, json, position FROM read_models WHERE projection = @p AND key = @k;")
                    .With("@p", projection).With("@k", key);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
            },
            cancellationToken);

    public Task<IReadOnlyList<ReadModelRow>> ListAsync(string projection, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        return database.ReadAsync<IReadOnlyList<ReadModelRow>>(
            async connection =>
            {
                await using var select = connection.Command("SELECT key, json, position FROM read_models WHERE projection = @p ORDER BY key LIMIT @max;")
                    .With("@p", projection).With("@max", maxCount);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                var rows = new List<ReadModelRow>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(Read(reader));
                }

                return rows;
            },
            cancellationToken);
    }

    public Task ResetAsync(string projection, CancellationToken cancellationToken = default) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var rows = connection.Command("DELETE FROM read_models WHERE projection = @p;", transaction).With("@p", projection);
                await rows.ExecuteNonQueryAsync(cancellationToken);
                await using var mark = connection.Command("DELETE FROM projection_checkpoints WHERE projection = @p;", transaction).With("@p", projection);
                return await mark.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    private static ReadModelRow Read(SqliteDataReader reader) => new(reader.GetString(0), reader.GetString(1), reader.GetInt64(2));
}

using Microsoft.Data.Sqlite;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Local;

/// <summary><see cref="ISourceCursorStore"/> on the shared SQLite file: one row per connector.</summary>
public sealed class SqliteSourceCursorStore(SqliteDatabase database) : ISourceCursorStore
{
    private const string Columns = "connector_key, cursor, updated_at, last_completed_at";

    public Task<SourceCursor?> GetAsync(string connectorKey, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = connection.Command($"SELECT {Columns} FROM source_cursors WHERE connector_key = @key;")
                    .With("@key", connectorKey);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
            },
            cancellationToken);

    public Task SetAsync(SourceCursor cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var upsert = connection.Command(
                    $"""
                    INSERT INTO source_cursors ({Columns}) VALUES (@key, @cursor, @updated, @completed)
                    ON CONFLICT (connector_key) DO UPDATE SET
                        cursor = excluded.cursor, updated_at = excluded.updated_at, last_completed_at = excluded.last_completed_at;
                    """,
                    transaction)
                    .With("@key", cursor.ConnectorKey)
                    .With("@cursor", cursor.Cursor)
                    .With("@updated", SqliteCommands.ToTicks(cursor.UpdatedAt))
                    .With("@completed", cursor.LastCompletedAt is { } at ? SqliteCommands.ToTicks(at) : null);
                return await upsert.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<SourceCursor>> ListAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<SourceCursor>>(
            async connection =>
            {
                await using var command = connection.Command($"SELECT {Columns} FROM source_cursors ORDER BY connector_key;");
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var cursors = new List<SourceCursor>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    cursors.Add(Read(reader));
                }

                return cursors;
            },
            cancellationToken);

    private static SourceCursor Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetNullableString(1),
        reader.GetTicksAsTime(2),
        reader.IsDBNull(3) ? null : reader.GetTicksAsTime(3));
}

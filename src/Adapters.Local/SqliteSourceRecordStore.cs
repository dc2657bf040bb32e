using Microsoft.Data.Sqlite;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Adapters.Local;

/// <summary><see cref="ISourceRecordStore"/> on the shared SQLite file; payloads are stored unchanged.</summary>
public sealed class SqliteSourceRecordStore(SqliteDatabase database, TimeProvider time) : ISourceRecordStore
{
    public Task<bool> AddAsync(SourceRecord record, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(events);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var insert = connection.Command(
                    """
                    INSERT INTO source_records (id, source, external_id, payload, fetched_at, status)
                    VALUES (@id, @source, @external, @payload, @fetched, @status)
                    ON CONFLICT (id) DO NOTHING;
                    """,
                    transaction)
                    .With("@id", record.Id)
                    .With("@source", record.Source.ToString())
                    .With("@external", record.ExternalId)
                    .With("@payload", record.Payload)
                    .With("@fetched", SqliteCommands.ToTicks(record.FetchedAt))
                    .With("@status", record.Status.ToString());
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    return false;
                }

                await JournalRows.InsertAsync(connection, transaction, events, time.GetUtcNow(), cancellationToken);
                return true;
            },
            cancellationToken);
    }

    public Task<SourceRecord?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            connection => connection.WithCommandAsync(
                "SELECT id, source, external_id, payload, fetched_at, status FROM source_records WHERE id = @id;",
                null,
                async command =>
                {
                    await using var reader = await command.With("@id", id).ExecuteReaderAsync(cancellationToken);
                    return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
                }),
            cancellationToken);

    /// <exception cref="KeyNotFoundException">No record has the id: the caller's bug, not a retryable state.</exception>
    public Task SetStatusAsync(string id, SourceRecordStatus status, CancellationToken cancellationToken = default) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                var updated = await connection.WithCommandAsync("UPDATE source_records SET status = @status WHERE id = @id;", transaction, update => update
                    .With("@id", id)
                    .With("@status", status.ToString())
                    .ExecuteNonQueryAsync(cancellationToken));
                return updated == 1
                    ? true
                    : throw new KeyNotFoundException($"Source record '{id}' does not exist.");
            },
            cancellationToken);

    public Task<IReadOnlyList<SourceRecordCount>> CountBySourceAndStatusAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<SourceRecordCount>>(
            async connection =>
            {
                await using var command = connection.Command("SELECT source, status, COUNT(*) FROM source_records GROUP BY source, status;");
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var counts = new List<SourceRecordCount>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    counts.Add(new SourceRecordCount(Enum.Parse<SourceKind>(reader.GetString(0)), Enum.Parse<SourceRecordStatus>(reader.GetString(1)), reader.GetInt64(2)));
                }

                return counts;
            },
            cancellationToken);

    private static SourceRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        Enum.Parse<SourceKind>(reader.GetString(1)),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetTicksAsTime(4),
        Enum.Parse<SourceRecordStatus>(reader.GetString(5)));
}

using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;

namespace MonaSpark.Adapters.Local;

/// <summary>
/// <see cref="IJournal"/> on the shared SQLite file. Positions come from an AUTOINCREMENT key and
/// writers are serialised by the write lock, so a reader never sees a later position before an earlier one.
/// </summary>
public sealed class SqliteJournal(SqliteDatabase database, TimeProvider time) : IJournal
{
    public async Task<long> AppendAsync(IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return await GetHeadAsync(cancellationToken);
        }

        return await database.WriteAsync(
            (connection, transaction) => JournalRows.InsertAsync(connection, transaction, events, time.GetUtcNow(), cancellationToken),
            cancellationToken);
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return await database.ReadAsync<IReadOnlyList<JournalEntry>>(
            async connection =>
            {
                await using var command = connection.Command("SELECT position, data FROM journal WHERE position > @after ORDER BY position LIMIT @max;")
                    .With("@after", afterPosition)
                    .With("@max", maxCount);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var entries = new List<JournalEntry>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    entries.Add(new JournalEntry(reader.GetInt64(0), JournalRows.Read(reader.GetString(1))));
                }

                return entries;
            },
            cancellationToken);
    }

    public Task<long> GetHeadAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = connection.Command("SELECT COALESCE(MAX(position), 0) FROM journal;");
                return await command.ScalarInt64Async(cancellationToken);
            },
            cancellationToken);
}

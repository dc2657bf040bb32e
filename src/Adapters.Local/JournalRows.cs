using Microsoft.Data.Sqlite;
using MonaSpark.Domain.Events;

namespace MonaSpark.Adapters.Local;

/// <summary>
/// Appends events inside a caller's transaction: how every store writes its state change and its
/// events atomically (the journal is the outbox).
/// </summary>
internal static class JournalRows
{
    /// <returns>The position of the last inserted event; 0 when there were none.</returns>
    public static async Task<long> InsertAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IReadOnlyList<DomainEvent> events,
        DateTimeOffset recordedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return 0;
        }

        // One statement per chunk of events. The rows of a VALUES list are inserted in order, so the
        // AUTOINCREMENT positions follow the list; RETURNING gives each one (in no promised order),
        // and the last position is the largest.
        long position = 0;
        foreach (var chunk in events.Chunk(SqliteCommands.MaxRowsPerStatement))
        {
            var sql = $"""
                INSERT INTO journal (stream_id, type, occurred_at, data, recorded_at)
                VALUES {SqliteCommands.Rows(chunk.Length, "(@stream{0}, @type{0}, @occurred{0}, @data{0}, @recorded)")}
                RETURNING position;
                """;
            position = Math.Max(position, await connection.WithCommandAsync(sql, transaction, async command =>
            {
                command.With("@recorded", SqliteCommands.ToTicks(recordedAt));
                for (var i = 0; i < chunk.Length; i++)
                {
                    var e = chunk[i];
                    ArgumentNullException.ThrowIfNull(e, nameof(events));

                    // As the base type, so the "type" discriminator is written and reads back polymorphically.
                    command.With(SqliteCommands.Name("@stream", i), e.StreamId)
                        .With(SqliteCommands.Name("@type", i), e.EventType)
                        .With(SqliteCommands.Name("@occurred", i), SqliteCommands.ToTicks(e.OccurredAt))
                        .With(SqliteCommands.Name("@data", i), LocalJson.Serialize<DomainEvent>(e));
                }

                long last = 0;
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    last = Math.Max(last, reader.GetInt64(0));
                }

                return last;
            }));
        }

        return position;
    }

    public static DomainEvent Read(string data) => LocalJson.Deserialize<DomainEvent>(data);
}

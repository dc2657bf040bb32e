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

        await using var command = connection.Command(
            """
            INSERT INTO journal (stream_id, type, occurred_at, data, recorded_at)
            VALUES (@stream, @type, @occurred, @data, @recorded)
            RETURNING position;
            """,
            transaction);
        var stream = command.Parameters.Add("@stream", SqliteType.Text);
        var type = command.Parameters.Add("@type", SqliteType.Text);
        var occurred = command.Parameters.Add("@occurred", SqliteType.Integer);
        var data = command.Parameters.Add("@data", SqliteType.Text);
        command.Parameters.AddWithValue("@recorded", SqliteCommands.ToTicks(recordedAt));

        long position = 0;
        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(events));
            stream.Value = e.StreamId;
            type.Value = e.EventType;
            occurred.Value = SqliteCommands.ToTicks(e.OccurredAt);

            // As the base type, so the "type" discriminator is written and reads back polymorphically.
            data.Value = LocalJson.Serialize<DomainEvent>(e);
            position = await command.ScalarInt64Async(cancellationToken);
        }

        return position;
    }

    public static DomainEvent Read(string data) => LocalJson.Deserialize<DomainEvent>(data);
}

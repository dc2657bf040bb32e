using Microsoft.Data.Sqlite;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Outreach.Policies;

namespace MonaSpark.Adapters.Local;

/// <summary>
/// <see cref="ISenderLedger"/> on the shared SQLite file. A reservation is a row keyed by (sender,
/// idempotency key) with its day (<see cref="DateOnly.DayNumber"/>); counting the day's rows and
/// inserting one happen in one write transaction, so the database's single writer lock makes the last
/// unit go to exactly one caller. Outcomes are keyed by (sender, message, kind), so each counts once.
/// </summary>
public sealed class SqliteSenderLedger(SqliteDatabase database) : ISenderLedger
{
    public Task<QuotaReservation> TryReserveAsync(string sender, string key, DateOnly day, int dailyCap, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentOutOfRangeException.ThrowIfNegative(dailyCap);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using (var existing = connection.Command("SELECT COUNT(*) FROM sender_reservations WHERE sender = @s AND key = @k;", transaction).With("@s", sender).With("@k", key))
                {
                    if (await existing.ScalarInt64Async(cancellationToken) > 0)
                    {
                        return new QuotaReservation(true, await HeldOnAsync(connection, transaction, sender, day, cancellationToken));
                    }
                }

                var count = await HeldOnAsync(connection, transaction, sender, day, cancellationToken);
                if (count >= dailyCap)
                {
                    return new QuotaReservation(false, count);
                }

                await using var insert = connection.Command(
                    """
                    INSERT INTO sender_reservations (sender, key, day) VALUES (@s, @k, @d);
                    INSERT INTO senders (sender, first_send_day) VALUES (@s, @d)
                    ON CONFLICT (sender) DO UPDATE SET first_send_day = COALESCE(first_send_day, excluded.first_send_day);
                    """,
                    transaction)
                    .With("@s", sender).With("@k", key).With("@d", day.DayNumber);
                await insert.ExecuteNonQueryAsync(cancellationToken);
                return new QuotaReservation(true, count + 1);
            },
            cancellationToken);
    }

    public Task ReleaseAsync(string sender, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var delete = connection.Command("DELETE FROM sender_reservations WHERE sender = @s AND key = @k;", transaction).With("@s", sender).With("@k", key);
                return await delete.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task RecordAsync(string sender, string messageId, SenderOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var insert = connection.Command(
                    "INSERT OR IGNORE INTO sender_outcomes (sender, message_id, outcome, at) VALUES (@s, @m, @o, @at);", transaction)
                    .With("@s", sender).With("@m", messageId).With("@o", outcome.ToString()).With("@at", SqliteCommands.ToTicks(at));
                return await insert.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task<SenderRecord> GetAsync(string sender, DateOnly today, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        return database.ReadAsync(
            async connection =>
            {
                DateOnly? firstSendDay = null;
                DateTimeOffset? pausedAt = null;
                var reason = SenderPauseReason.None;
                await using (var select = connection.Command("SELECT first_send_day, paused_at, pause_reason FROM senders WHERE sender = @s;").With("@s", sender))
                await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
                {
                    if (await reader.ReadAsync(cancellationToken))
                    {
                        firstSendDay = reader.IsDBNull(0) ? null : DateOnly.FromDayNumber(reader.GetInt32(0));
                        pausedAt = reader.IsDBNull(1) ? null : reader.GetTicksAsTime(1);
                        reason = reader.GetNullableString(2) is { } name ? Enum.Parse<SenderPauseReason>(name) : SenderPauseReason.None;
                    }
                }

                var counts = new Dictionary<SenderOutcome, long>();
                await using (var select = connection.Command("SELECT outcome, COUNT(*) FROM sender_outcomes WHERE sender = @s AND at >= @since GROUP BY outcome;")
                    .With("@s", sender).With("@since", SqliteCommands.ToTicks(since)))
                await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        counts[Enum.Parse<SenderOutcome>(reader.GetString(0))] = reader.GetInt64(1);
                    }
                }

                var held = await HeldOnAsync(connection, null, sender, today, cancellationToken);
                return new SenderRecord(firstSendDay, held, new SenderStats(counts.GetValueOrDefault(SenderOutcome.Sent), counts.GetValueOrDefault(SenderOutcome.Bounced), counts.GetValueOrDefault(SenderOutcome.Complained)), pausedAt, reason);
            },
            cancellationToken);
    }

    public Task PauseAsync(string sender, SenderPauseReason reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                // Only a sender that is not paused takes the new time and reason: the first pause stays.
                await using var upsert = connection.Command(
                    """
                    INSERT INTO senders (sender, paused_at, pause_reason) VALUES (@s, @at, @r)
                    ON CONFLICT (sender) DO UPDATE SET paused_at = excluded.paused_at, pause_reason = excluded.pause_reason
                    WHERE paused_at IS NULL;
                    """,
                    transaction)
                    .With("@s", sender).With("@at", SqliteCommands.ToTicks(at)).With("@r", reason.ToString());
                return await upsert.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task ResumeAsync(string sender, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var update = connection.Command(
                    "UPDATE senders SET paused_at = NULL, pause_reason = NULL, resumed_at = @at WHERE sender = @s AND paused_at IS NOT NULL;", transaction)
                    .With("@s", sender).With("@at", SqliteCommands.ToTicks(at));
                return await update.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    private static async Task<int> HeldOnAsync(SqliteConnection connection, SqliteTransaction? transaction, string sender, DateOnly day, CancellationToken cancellationToken)
    {
        await using var count = connection.Command("SELECT COUNT(*) FROM sender_reservations WHERE sender = @s AND day = @d;", transaction).With("@s", sender).With("@d", day.DayNumber);
        return (int)await count.ScalarInt64Async(cancellationToken);
    }
}

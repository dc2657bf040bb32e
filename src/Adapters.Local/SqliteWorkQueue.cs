using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Local;

/// <summary>
/// <see cref="IWorkQueue"/> on the shared SQLite file. A lease is a token and a visibility time on the
/// row, so an item leased by a process that died becomes visible again once the lease runs out, in
/// this process or the next one. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class SqliteWorkQueue(SqliteDatabase database, TimeProvider time, IOptions<WorkQueueOptions> options) : IWorkQueue
{
    private int MaxAttempts => options.Value.MaxAttempts;

    public Task EnqueueAsync(WorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var now = SqliteCommands.ToTicks(time.GetUtcNow());
        return database.WriteAsync(
            // The id dedupes while the item waits or is leased; once settled the row is gone and the id is free.
            (connection, transaction) => connection.WithCommandAsync(
                """
                INSERT INTO work_items (id, kind, subject_id, attempts, visible_at, lease_token, last_error, enqueued_at)
                VALUES (@id, @kind, @subject, 0, @now, NULL, NULL, @now)
                ON CONFLICT (id) DO NOTHING;
                """,
                transaction,
                insert => insert
                    .With("@id", item.Id)
                    .With("@kind", item.Kind)
                    .With("@subject", item.SubjectId)
                    .With("@now", now)
                    .ExecuteNonQueryAsync(cancellationToken)),
            cancellationToken);
    }

    /// <summary>
    /// Makes every leased item visible at once: the local host is the queue's only consumer, so at its start
    /// the leases of the process before it (killed mid-item) are void, and their items need not wait out
    /// the visibility timeout. Attempts are kept, so an item that kills its host every time still ends
    /// in the dead letters.
    /// </summary>
    /// <returns>How many items were released.</returns>
    public Task<int> ReleaseLeasesAsync(CancellationToken cancellationToken = default)
    {
        var now = SqliteCommands.ToTicks(time.GetUtcNow());
        return database.WriteAsync(
            (connection, transaction) => connection.WithCommandAsync(
                "UPDATE work_items SET lease_token = NULL, visible_at = @now WHERE lease_token IS NOT NULL;",
                transaction,
                update => update.With("@now", now).ExecuteNonQueryAsync(cancellationToken)),
            cancellationToken);
    }

    public async Task<WorkLease?> LeaseAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.Zero);
        var now = time.GetUtcNow();

        // Idle pumps poll often: look without the write lock first, so polling never blocks producers.
        if (!await AnyVisibleAsync(now, cancellationToken))
        {
            return null;
        }

        return await database.WriteAsync(
            async (connection, transaction) =>
            {
                while (await NextVisibleAsync(connection, transaction, now, cancellationToken) is { } candidate)
                {
                    if (candidate.Attempts >= MaxAttempts)
                    {
                        // Every lease expired unsettled (the process died each time): stop the item looping forever.
                        var reason = $"exceeded {MaxAttempts} attempts without completing (last error: {candidate.LastError ?? "none"})";
                        await MoveToDeadLettersAsync(connection, transaction, candidate.Item, candidate.Attempts, reason, now, cancellationToken);
                        continue;
                    }

                    var token = Guid.NewGuid().ToString("N");
                    var until = now + visibilityTimeout;
                    await using var update = connection.Command(
                        "UPDATE work_items SET attempts = attempts + 1, lease_token = @token, visible_at = @until WHERE id = @id;",
                        transaction)
                        .With("@id", candidate.Item.Id)
                        .With("@token", token)
                        .With("@until", SqliteCommands.ToTicks(until));
                    await update.ExecuteNonQueryAsync(cancellationToken);
                    return new WorkLease(candidate.Item, token, candidate.Attempts + 1, until);
                }

                return null;
            },
            cancellationToken);
    }

    private Task<bool> AnyVisibleAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = connection.Command("SELECT EXISTS (SELECT 1 FROM work_items WHERE visible_at <= @now);")
                    .With("@now", SqliteCommands.ToTicks(now));
                return await command.ScalarInt64Async(cancellationToken) == 1;
            },
            cancellationToken);

    private static async Task<Candidate?> NextVisibleAsync(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Visible longest first; rowid keeps enqueue order among items that became visible together.
        await using var command = connection.Command(
            """
            SELECT id, kind, subject_id, attempts, last_error FROM work_items
            WHERE visible_at <= @now ORDER BY visible_at, rowid LIMIT 1;
            """,
            transaction)
            .With("@now", SqliteCommands.ToTicks(now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Candidate(new WorkItem(reader.GetString(0), reader.GetString(1), reader.GetString(2)), reader.GetInt32(3), reader.GetNullableString(4))
            : null;
    }

    private sealed record Candidate(WorkItem Item, int Attempts, string? LastError);
}

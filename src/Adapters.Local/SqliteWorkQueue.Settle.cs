using Microsoft.Data.Sqlite;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Local;

public sealed partial class SqliteWorkQueue
{
    public Task CompleteAsync(WorkLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var delete = connection.Command("DELETE FROM work_items WHERE id = @id AND lease_token = @token;", transaction)
                    .With("@id", lease.Item.Id)
                    .With("@token", lease.LeaseToken);
                return await delete.ExecuteNonQueryAsync(cancellationToken) == 1 ? true : throw LeaseLost(lease);
            },
            cancellationToken);
    }

    public Task AbandonAsync(WorkLease lease, string reason, TimeSpan retryAfter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        var now = time.GetUtcNow();
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                var attempts = await LeasedAttemptsAsync(connection, transaction, lease, cancellationToken);
                if (attempts >= MaxAttempts)
                {
                    await MoveToDeadLettersAsync(connection, transaction, lease.Item, attempts, reason, now, cancellationToken);
                    return true;
                }

                await using var update = connection.Command(
                    "UPDATE work_items SET visible_at = @visible, lease_token = NULL, last_error = @reason WHERE id = @id;",
                    transaction)
                    .With("@id", lease.Item.Id)
                    .With("@visible", SqliteCommands.ToTicks(now + retryAfter))
                    .With("@reason", reason);
                await update.ExecuteNonQueryAsync(cancellationToken);
                return true;
            },
            cancellationToken);
    }

    public Task DeadLetterAsync(WorkLease lease, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(reason);
        var now = time.GetUtcNow();
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                var attempts = await LeasedAttemptsAsync(connection, transaction, lease, cancellationToken);
                await MoveToDeadLettersAsync(connection, transaction, lease.Item, attempts, reason, now, cancellationToken);
                return true;
            },
            cancellationToken);
    }

    public Task AcknowledgeAsync(WorkItem item, int attempts, string? deadLetterReason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var now = time.GetUtcNow();
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var delete = connection.Command("DELETE FROM work_items WHERE id = @id;", transaction).With("@id", item.Id);
                await delete.ExecuteNonQueryAsync(cancellationToken);
                if (deadLetterReason is not null)
                {
                    await InsertDeadLetterAsync(connection, transaction, item, attempts, deadLetterReason, now, cancellationToken);
                }

                return true;
            },
            cancellationToken);
    }

    private static async Task<int> LeasedAttemptsAsync(SqliteConnection connection, SqliteTransaction transaction, WorkLease lease, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT attempts FROM work_items WHERE id = @id AND lease_token = @token;", transaction)
            .With("@id", lease.Item.Id)
            .With("@token", lease.LeaseToken);
        return await command.ExecuteScalarAsync(cancellationToken) is long attempts ? (int)attempts : throw LeaseLost(lease);
    }

    private static async Task MoveToDeadLettersAsync(
        SqliteConnection connection, SqliteTransaction transaction, WorkItem item, int attempts, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await InsertDeadLetterAsync(connection, transaction, item, attempts, reason, now, cancellationToken);
        await using var delete = connection.Command("DELETE FROM work_items WHERE id = @id;", transaction).With("@id", item.Id);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InsertDeadLetterAsync(
        SqliteConnection connection, SqliteTransaction transaction, WorkItem item, int attempts, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var insert = connection.Command(
            """
            INSERT INTO dead_letters (id, kind, subject_id, attempts, reason, dead_lettered_at)
            VALUES (@id, @kind, @subject, @attempts, @reason, @at);
            """,
            transaction)
            .With("@id", item.Id)
            .With("@kind", item.Kind)
            .With("@subject", item.SubjectId)
            .With("@attempts", attempts)
            .With("@reason", reason)
            .With("@at", SqliteCommands.ToTicks(now));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static LeaseLostException LeaseLost(WorkLease lease) =>
        new($"The lease on work item '{lease.Item.Id}' was lost: it expired and the item was leased again or settled.");
}

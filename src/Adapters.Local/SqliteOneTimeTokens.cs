using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Local;

/// <summary>
/// <see cref="IOneTimeTokens"/> on the shared SQLite file: an insert that ignores a present id, in one
/// write transaction, so of two callers only one inserts. Expired rows are purged on the way.
/// </summary>
public sealed class SqliteOneTimeTokens(SqliteDatabase database, TimeProvider time) : IOneTimeTokens
{
    public Task<bool> TryConsumeAsync(string id, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var purge = connection.Command("DELETE FROM one_time_tokens WHERE expires_at < @now;", transaction).With("@now", time.GetUtcNow().UtcTicks);
                await purge.ExecuteNonQueryAsync(cancellationToken);
                await using var insert = connection.Command("INSERT INTO one_time_tokens (id, expires_at) VALUES (@id, @exp) ON CONFLICT (id) DO NOTHING;", transaction)
                    .With("@id", id).With("@exp", expiresAt.UtcTicks);
                return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);
    }
}

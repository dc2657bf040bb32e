using Microsoft.Data.Sqlite;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Resolution;

namespace MonaSpark.Adapters.Local;

/// <summary>
/// <see cref="IMatchReviewStore"/> on the shared SQLite file: the review as JSON, keyed by its pair
/// id (so a pair is added once), with the status and creation time as columns for the pending list.
/// </summary>
public sealed class SqliteMatchReviewStore(SqliteDatabase database) : IMatchReviewStore
{
    public Task<bool> AddAsync(MatchReview review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var insert = connection.Command(
                    """
                    INSERT INTO match_reviews (id, status, created_at, json) VALUES (@id, @status, @created, @json)
                    ON CONFLICT (id) DO NOTHING;
                    """,
                    transaction)
                    .With("@id", review.Id)
                    .With("@status", review.Status.ToString())
                    .With("@created", SqliteCommands.ToTicks(review.CreatedAt))
                    .With("@json", LocalJson.Serialize(review));
                return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);
    }

    public Task<MatchReview?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return database.ReadAsync(async connection => await ReadAsync(connection, null, id, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<MatchReview>> ListPendingAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return database.ReadAsync<IReadOnlyList<MatchReview>>(
            async connection =>
            {
                await using var command = connection.Command("SELECT json FROM match_reviews WHERE status = @status ORDER BY created_at, id LIMIT @max;")
                    .With("@status", nameof(MatchReviewStatus.Pending))
                    .With("@max", maxCount);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var reviews = new List<MatchReview>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    reviews.Add(LocalJson.Deserialize<MatchReview>(reader.GetString(0)));
                }

                return reviews;
            },
            cancellationToken);
    }

    public Task<MatchReview?> ResolveAsync(string id, MatchReviewStatus decision, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (decision == MatchReviewStatus.Pending)
        {
            throw new ArgumentException("A decision is Accepted or Rejected.", nameof(decision));
        }

        return database.WriteAsync(
            async (connection, transaction) =>
            {
                var review = await ReadAsync(connection, transaction, id, cancellationToken);
                if (review is null || review.Status != MatchReviewStatus.Pending)
                {
                    return review;
                }

                var decided = review with { Status = decision, ResolvedAt = at };
                await using var update = connection.Command("UPDATE match_reviews SET status = @status, json = @json WHERE id = @id;", transaction)
                    .With("@id", id)
                    .With("@status", decision.ToString())
                    .With("@json", LocalJson.Serialize(decided));
                await update.ExecuteNonQueryAsync(cancellationToken);
                return decided;
            },
            cancellationToken);
    }

    private static async Task<MatchReview?> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT json FROM match_reviews WHERE id = @id;", transaction).With("@id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? LocalJson.Deserialize<MatchReview>(json) : null;
    }
}

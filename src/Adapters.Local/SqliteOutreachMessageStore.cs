using System.Globalization;
using Microsoft.Data.Sqlite;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Adapters.Local;

/// <summary>
/// <see cref="IOutreachMessageStore"/> on the shared SQLite file: the message as JSON, keyed by its id
/// (so a second add keeps the first), with the artist, creation time and provider id as columns for the
/// lists and the webhook lookup. A status change reads and writes inside one write transaction, so two
/// racing changes are serialised by the database's write lock and neither forward move is lost.
/// </summary>
public sealed class SqliteOutreachMessageStore(SqliteDatabase database) : IOutreachMessageStore
{
    public Task<Message> AddAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Id);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var insert = connection.Command(
                    """
                    INSERT INTO outreach_messages (id, artist_id, created_at, provider_message_id, recipient, json) VALUES (@id, @a, @created, @p, @to, @json)
                    ON CONFLICT (id) DO NOTHING;
                    """,
                    transaction)
                    .With("@id", message.Id)
                    .With("@a", message.ArtistId.Value)
                    .With("@created", SqliteCommands.ToTicks(message.CreatedAt))
                    .With("@p", message.ProviderMessageId)
                    .With("@to", ContactStanding.NormaliseAddress(message.Recipient))
                    .With("@json", LocalJson.Serialize(message));
                return await insert.ExecuteNonQueryAsync(cancellationToken) == 1
                    ? message
                    : await ReadOneAsync(connection, transaction, "SELECT json FROM outreach_messages WHERE id = @v;", message.Id, cancellationToken)
                        ?? throw new InvalidOperationException("A message that conflicted on insert is missing.");
            },
            cancellationToken);
    }

    public Task<Message?> GetAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        return database.ReadAsync(
            connection => ReadOneAsync(connection, null, "SELECT json FROM outreach_messages WHERE id = @v;", messageId, cancellationToken),
            cancellationToken);
    }

    public Task<Message?> FindByProviderIdAsync(string providerMessageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(providerMessageId);
        return database.ReadAsync(
            connection => ReadOneAsync(
                connection, null, "SELECT json FROM outreach_messages WHERE provider_message_id = @v ORDER BY created_at, id LIMIT 1;", providerMessageId, cancellationToken),
            cancellationToken);
    }

    public Task<Message?> FindLatestToAsync(string recipient, CancellationToken cancellationToken = default)
    {
        var normalised = ContactStanding.NormaliseAddress(recipient);
        return database.ReadAsync(
            connection => ReadOneAsync(
                connection, null, "SELECT json FROM outreach_messages WHERE recipient = @v ORDER BY created_at DESC, id DESC LIMIT 1;", normalised, cancellationToken),
            cancellationToken);
    }

    public Task<bool> SetStatusAsync(string messageId, MessageStatus status, DateTimeOffset at, string? providerMessageId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        if (!Enum.IsDefined(status))
        {
            return Task.FromResult(false);
        }

        return database.WriteAsync(
            async (connection, transaction) =>
            {
                var stored = await ReadOneAsync(connection, transaction, "SELECT json FROM outreach_messages WHERE id = @v;", messageId, cancellationToken);
                if (stored is null || !MessageStatuses.CanMove(stored.Status, status))
                {
                    return false;
                }

                if (stored.Status == status)
                {
                    return true;
                }

                var moved = stored with { Status = status, StatusAt = at, ProviderMessageId = providerMessageId ?? stored.ProviderMessageId };
                await using var update = connection.Command("UPDATE outreach_messages SET provider_message_id = @p, json = @json WHERE id = @id;", transaction)
                    .With("@id", messageId)
                    .With("@p", moved.ProviderMessageId)
                    .With("@json", LocalJson.Serialize(moved));
                await update.ExecuteNonQueryAsync(cancellationToken);
                return true;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Message>> ListByArtistAsync(ArtistId artistId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<Message>>(
            async connection =>
            {
                await using var select = connection.Command("SELECT json FROM outreach_messages WHERE artist_id = @a ORDER BY created_at, id;").With("@a", artistId.Value);
                return await ReadAllAsync(select, cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<Message>> ListRecentAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return database.ReadAsync<IReadOnlyList<Message>>(
            async connection =>
            {
                // A literal limit: SQLite re-plans a statement whose bound LIMIT changes (docs/performance.md).
                await using var select = connection.Command(string.Create(CultureInfo.InvariantCulture, $"SELECT json FROM outreach_messages ORDER BY created_at DESC, id LIMIT {maxCount};"));
                return await ReadAllAsync(select, cancellationToken);
            },
            cancellationToken);
    }

    public Task<int> DeleteByArtistAsync(ArtistId artistId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var delete = connection.Command("DELETE FROM outreach_messages WHERE artist_id = @a;", transaction).With("@a", artistId.Value);
                return await delete.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    private static async Task<Message?> ReadOneAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, string value, CancellationToken cancellationToken)
    {
        await using var select = connection.Command(sql, transaction).With("@v", value);
        return await select.ExecuteScalarAsync(cancellationToken) is string json ? LocalJson.Deserialize<Message>(json) : null;
    }

    private static async Task<IReadOnlyList<Message>> ReadAllAsync(SqliteCommand select, CancellationToken cancellationToken)
    {
        var messages = new List<Message>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(LocalJson.Deserialize<Message>(reader.GetString(0)));
        }

        return messages;
    }
}

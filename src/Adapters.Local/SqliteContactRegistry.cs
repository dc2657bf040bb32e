using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Outreach.Policies;

namespace MonaSpark.Adapters.Local;

/// <summary><see cref="IContactRegistry"/> on the shared SQLite file; consents and objections commit with their events.</summary>
public sealed class SqliteContactRegistry(SqliteDatabase database, TimeProvider time) : IContactRegistry
{
    private const string EveryChannel = "*";

    public Task<ContactStanding> GetStandingAsync(ArtistId artistId, string address, DateTimeOffset sentSince, CancellationToken cancellationToken = default)
    {
        var normalised = ContactStanding.NormaliseAddress(address);
        return database.ReadAsync(
            async connection =>
            {
                var consents = new List<Consent>();
                await using (var select = connection.Command("SELECT json FROM consents WHERE artist_id = @a ORDER BY decided_at;").With("@a", artistId.Value))
                await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        consents.Add(LocalJson.Deserialize<Consent>(reader.GetString(0)));
                    }
                }

                var optOuts = new List<OptOut>();
                await using (var select = connection.Command("SELECT channel, at FROM opt_outs WHERE artist_id = @a ORDER BY at;").With("@a", artistId.Value))
                await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        var channel = reader.GetString(0);
                        optOuts.Add(new OptOut(channel == EveryChannel ? null : Enum.Parse<ContactChannel>(channel), reader.GetTicksAsTime(1)));
                    }
                }

                await using var suppressed = connection.Command("SELECT COUNT(*) FROM suppressed_addresses WHERE address = @ad;").With("@ad", normalised);
                var isSuppressed = await suppressed.ScalarInt64Async(cancellationToken) > 0;

                var sent = new List<DateTimeOffset>();
                await using (var select = connection.Command("SELECT at FROM sends WHERE artist_id = @a AND at >= @since ORDER BY at;")
                    .With("@a", artistId.Value).With("@since", SqliteCommands.ToTicks(sentSince)))
                await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        sent.Add(reader.GetTicksAsTime(0));
                    }
                }

                return new ContactStanding(consents, optOuts, isSuppressed, sent);
            },
            cancellationToken);
    }

    public Task RecordConsentAsync(Consent consent, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(consent);
        ArgumentNullException.ThrowIfNull(events);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var insert = connection.Command(
                    "INSERT OR IGNORE INTO consents (artist_id, channel, decided_at, json) VALUES (@a, @c, @at, @json);", transaction)
                    .With("@a", consent.ArtistId.Value).With("@c", consent.Channel.ToString())
                    .With("@at", SqliteCommands.ToTicks(consent.DecidedAt)).With("@json", LocalJson.Serialize(consent));
                return await insert.ExecuteNonQueryAsync(cancellationToken) == 0 ? 0
                    : await JournalRows.InsertAsync(connection, transaction, events, time.GetUtcNow(), cancellationToken);
            },
            cancellationToken);
    }

    public Task RecordOptOutAsync(ArtistId artistId, OptOut optOut, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(optOut);
        ArgumentNullException.ThrowIfNull(events);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var insert = connection.Command("INSERT OR IGNORE INTO opt_outs (artist_id, channel, at) VALUES (@a, @c, @at);", transaction)
                    .With("@a", artistId.Value).With("@c", optOut.Channel?.ToString() ?? EveryChannel).With("@at", SqliteCommands.ToTicks(optOut.At));
                return await insert.ExecuteNonQueryAsync(cancellationToken) == 0 ? 0
                    : await JournalRows.InsertAsync(connection, transaction, events, time.GetUtcNow(), cancellationToken);
            },
            cancellationToken);
    }

    public Task SuppressAsync(string address, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var normalised = ContactStanding.NormaliseAddress(address);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var insert = connection.Command("INSERT OR IGNORE INTO suppressed_addresses (address, reason, at) VALUES (@ad, @r, @at);", transaction)
                    .With("@ad", normalised).With("@r", reason).With("@at", SqliteCommands.ToTicks(at));
                return await insert.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task RecordSendAsync(ArtistId artistId, string messageId, ContactChannel channel, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var insert = connection.Command("INSERT OR IGNORE INTO sends (message_id, artist_id, channel, at) VALUES (@m, @a, @c, @at);", transaction)
                    .With("@m", messageId).With("@a", artistId.Value).With("@c", channel.ToString()).With("@at", SqliteCommands.ToTicks(at));
                return await insert.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }
}

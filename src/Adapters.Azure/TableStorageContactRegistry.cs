using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.Journal;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Outreach.Policies;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// The contact registry in Azure Table Storage. Table <c>contacts</c>, PartitionKey = artist id:
/// <c>consent|{channel}|{ticks}</c>, <c>optout|{channel or *}|{ticks}</c> and <c>send|{message id}</c>
/// rows, so a person's whole standing is one partition read, and a consent or objection commits with
/// its events as outbox rows of the same partition (ADR-002). Table <c>suppression</c>, one partition
/// per first character of the normalised address, RowKey = the encoded address.
/// </summary>
public sealed class TableStorageContactRegistry : IContactRegistry
{
    private const string ConsentPrefix = "consent|";
    private const string OptOutPrefix = "optout|";
    private const string SendPrefix = "send|";
    private const string EveryChannel = "*";

    private readonly StorageContext _storage;

    public TableStorageContactRegistry(TableServiceClient tableService, IOptions<AzureStorageOptions> options, TimeProvider time)
    {
        _storage = new StorageContext(tableService, options, time);
    }

    public async Task<ContactStanding> GetStandingAsync(ArtistId artistId, string address, DateTimeOffset sentSince, CancellationToken cancellationToken = default)
    {
        var normalised = ContactStanding.NormaliseAddress(address);
        var contacts = await _storage.Tables.GetAsync(TableNames.Contacts, cancellationToken);
        var consents = new List<Consent>();
        var optOuts = new List<OptOut>();
        var sent = new List<DateTimeOffset>();
        var partition = KeyEncoder.Encode(artistId.Value);
        await foreach (var row in contacts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            if (row.RowKey.StartsWith(ConsentPrefix, StringComparison.Ordinal))
            {
                consents.Add(StorageJson.Deserialize<Consent>(row.GetString("Json")));
            }
            else if (row.RowKey.StartsWith(OptOutPrefix, StringComparison.Ordinal))
            {
                var channel = row.GetString("Channel");
                optOuts.Add(new OptOut(channel == EveryChannel ? null : Enum.Parse<ContactChannel>(channel), row.GetDateTimeOffset("At")!.Value));
            }
            else if (row.RowKey.StartsWith(SendPrefix, StringComparison.Ordinal) && row.GetDateTimeOffset("At") is { } at && at >= sentSince)
            {
                sent.Add(at);
            }
        }

        var suppression = await _storage.Tables.GetAsync(TableNames.Suppression, cancellationToken);
        var suppressed = await suppression.GetEntityIfExistsAsync<TableEntity>(SuppressionPartition(normalised), KeyEncoder.Encode(normalised), ["RowKey"], cancellationToken);
        return new ContactStanding([.. consents.OrderBy(c => c.DecidedAt)], [.. optOuts.OrderBy(o => o.At)], suppressed.HasValue, [.. sent.Order()]);
    }

    public Task RecordConsentAsync(Consent consent, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(consent);
        var row = new TableEntity(KeyEncoder.Encode(consent.ArtistId.Value), $"{ConsentPrefix}{consent.Channel}|{Ticks(consent.DecidedAt)}")
        {
            ["Json"] = StorageJson.Serialize(consent),
        };
        return AddWithEventsAsync(row, events, cancellationToken);
    }

    public Task RecordOptOutAsync(ArtistId artistId, OptOut optOut, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(optOut);
        var channel = optOut.Channel?.ToString() ?? EveryChannel;
        var row = new TableEntity(KeyEncoder.Encode(artistId.Value), $"{OptOutPrefix}{channel}|{Ticks(optOut.At)}")
        {
            ["Channel"] = channel,
            ["At"] = optOut.At,
        };
        return AddWithEventsAsync(row, events, cancellationToken);
    }

    public async Task SuppressAsync(string address, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var normalised = ContactStanding.NormaliseAddress(address);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var table = await _storage.Tables.GetAsync(TableNames.Suppression, cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(SuppressionPartition(normalised), KeyEncoder.Encode(normalised)) { ["Reason"] = reason, ["At"] = at }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Suppressed before: the first reason stays.
        }
    }

    public async Task RecordSendAsync(ArtistId artistId, string messageId, ContactChannel channel, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var table = await _storage.Tables.GetAsync(TableNames.Contacts, cancellationToken);
        try
        {
            await table.AddEntityAsync(
                new TableEntity(KeyEncoder.Encode(artistId.Value), SendPrefix + KeyEncoder.Encode(messageId)) { ["Channel"] = channel.ToString(), ["At"] = at },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Recorded before: a message counts once.
        }
    }

    private async Task AddWithEventsAsync(TableEntity row, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var table = await _storage.Tables.GetAsync(TableNames.Contacts, cancellationToken);
        var batch = TableOutbox.Stage(TableNames.Contacts, row.PartitionKey, events);
        try
        {
            await _storage.Outbox.CommitAsync(table, [new TableTransactionAction(TableTransactionActionType.Add, row)], batch, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // Recorded before (same decision, same time): neither the row nor its events again.
        }
    }

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    private static string SuppressionPartition(string normalised) => KeyEncoder.Encode(normalised[..1]);
}

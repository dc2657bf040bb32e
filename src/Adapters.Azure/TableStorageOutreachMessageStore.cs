using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.Journal;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// The outbox of outreach messages in Azure Table Storage (table <c>outreachmessages</c>). The message
/// itself is one row in a partition of its own (<c>msg|{id}</c>, RowKey <c>message</c>: JSON), so
/// reads and status changes are point operations and a status change is one ETag-guarded replace,
/// retried on 412. Three kinds of pointer rows (the message id only) serve the other queries:
/// <c>artist|{artist id}</c> / <c>{created ticks:D19}|{id}</c> (export and erasure, oldest first),
/// <c>recent</c> / <c>{inverted created ticks:D19}|{id}</c> (the dashboard, newest first, one range scan
/// of one partition) and <c>provider|{provider id}</c> / <c>message</c> (webhooks). The message row is
/// the only truth: pointers are written before it and removed after it, and every read checks the
/// message a pointer leads to, so a pointer left by a crash or a lost race is skipped, never believed.
/// Messages hold personal data: nothing here logs.
/// </summary>
public sealed partial class TableStorageOutreachMessageStore : IOutreachMessageStore
{
    private const string MessagePrefix = "msg|";
    private const string ArtistPrefix = "artist|";
    private const string ProviderPrefix = "provider|";
    private const string RecipientPrefix = "to|";
    private const string RecentPartition = "recent";
    private const string SingleRow = "message";
    private const string MessageIdProperty = "MessageId";
    private const int MaxConflictRetries = 50;

    private readonly StorageTables _tables;

    public TableStorageOutreachMessageStore(TableServiceClient tableService, IOptions<AzureStorageOptions> options)
    {
        _tables = new StorageTables(tableService, options);
    }

    public async Task<Message> AddAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Id);
        var table = await TableAsync(cancellationToken);
        if ((await ReadAsync(table, message.Id, cancellationToken)).Message is { } existing)
        {
            return existing;
        }

        // Pointers first: a crash before the message row leaves pointers that reads skip, never a
        // message that its artist's erasure cannot find.
        var pointers = PointersOf(message);
        await Task.WhenAll(pointers.Select(p => table.UpsertEntityAsync(p, TableUpdateMode.Replace, cancellationToken)));
        try
        {
            await table.AddEntityAsync(MessageEntity(message), cancellationToken);
            return message;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another add of the same id won: keep it, and drop our pointers that are not also its own.
            var stored = (await ReadAsync(table, message.Id, cancellationToken)).Message
                ?? throw new InvalidOperationException("A message that conflicted on add is missing.", ex);
            var theirs = PointersOf(stored).Select(p => (p.PartitionKey, p.RowKey)).ToHashSet();
            await Task.WhenAll(pointers.Where(p => !theirs.Contains((p.PartitionKey, p.RowKey)))
                .Select(p => table.DeleteEntityAsync(p.PartitionKey, p.RowKey, ETag.All, cancellationToken)));
            return stored;
        }
    }

    public async Task<Message?> GetAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var table = await TableAsync(cancellationToken);
        return (await ReadAsync(table, messageId, cancellationToken)).Message;
    }

    public async Task<bool> SetStatusAsync(string messageId, MessageStatus status, DateTimeOffset at, string? providerMessageId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        if (!Enum.IsDefined(status))
        {
            return false;
        }

        var table = await TableAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var (stored, etag) = await ReadAsync(table, messageId, cancellationToken);
            if (stored is null || !MessageStatuses.CanMove(stored.Status, status))
            {
                return false;
            }

            if (stored.Status == status)
            {
                return true;
            }

            var moved = stored with { Status = status, StatusAt = at, ProviderMessageId = providerMessageId ?? stored.ProviderMessageId };
            if (moved.ProviderMessageId is { } provider && provider != stored.ProviderMessageId)
            {
                await table.UpsertEntityAsync(Pointer(ProviderPrefix + KeyEncoder.Encode(provider), SingleRow, messageId), TableUpdateMode.Replace, cancellationToken);
            }

            try
            {
                // The ETag of what was read: a concurrent move makes this a 412, and the loop re-reads
                // and re-checks, so a forward move is never overwritten by an older one.
                await table.UpdateEntityAsync(MessageEntity(moved), etag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404 && attempt < MaxConflictRetries)
            {
                await JournalTable.BackoffAsync(attempt, cancellationToken);
                continue;
            }

            if (stored.ProviderMessageId is { } previous && previous != moved.ProviderMessageId)
            {
                await DeletePointerAsync(table, ProviderPrefix + KeyEncoder.Encode(previous), SingleRow, messageId, cancellationToken);
            }

            return true;
        }
    }

    private ValueTask<TableClient> TableAsync(CancellationToken cancellationToken) => _tables.GetAsync(TableNames.OutreachMessages, cancellationToken);

    private static async Task<(Message? Message, ETag ETag)> ReadAsync(TableClient table, string messageId, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(MessagePartition(messageId), SingleRow, cancellationToken: cancellationToken);
        return row.HasValue ? (StorageJson.Deserialize<Message>(LargeText.Read(row.Value!, "Json")), row.Value!.ETag) : (null, default);
    }

    /// <summary>Deletes a pointer row only while it still leads to <paramref name="messageId"/>: another message may have taken the key since.</summary>
    private static async Task DeletePointerAsync(TableClient table, string partitionKey, string rowKey, string messageId, CancellationToken cancellationToken)
    {
        var pointer = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, [MessageIdProperty], cancellationToken);
        if (pointer.HasValue && pointer.Value!.GetString(MessageIdProperty) == messageId)
        {
            try
            {
                await table.DeleteEntityAsync(partitionKey, rowKey, pointer.Value.ETag, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Rewritten meanwhile: it is someone else's now.
            }
        }
    }

    private static TableEntity MessageEntity(Message message)
    {
        var row = new TableEntity(MessagePartition(message.Id), SingleRow);
        LargeText.Write(row, "Json", StorageJson.Serialize(message));
        return row;
    }

    private static List<TableEntity> PointersOf(Message message)
    {
        List<TableEntity> pointers = [ArtistPointer(message), RecentPointer(message), RecipientPointer(message)];
        if (message.ProviderMessageId is { } provider)
        {
            pointers.Add(Pointer(ProviderPrefix + KeyEncoder.Encode(provider), SingleRow, message.Id));
        }

        return pointers;
    }

    private static TableEntity ArtistPointer(Message message) =>
        Pointer(ArtistPrefix + KeyEncoder.Encode(message.ArtistId.Value), $"{Ticks(message.CreatedAt.UtcTicks)}|{KeyEncoder.Encode(message.Id)}", message.Id);

    /// <summary>Inverted ticks make the newest message the first row of the partition.</summary>
    private static TableEntity RecentPointer(Message message) =>
        Pointer(RecentPartition, $"{Ticks(DateTimeOffset.MaxValue.UtcTicks - message.CreatedAt.UtcTicks)}|{KeyEncoder.Encode(message.Id)}", message.Id);

    /// <summary>By recipient, newest first; the partition is a hash of the normalised address, so no address is a key.</summary>
    private static TableEntity RecipientPointer(Message message) =>
        Pointer(RecipientPartition(message.Recipient), $"{Ticks(DateTimeOffset.MaxValue.UtcTicks - message.CreatedAt.UtcTicks)}|{KeyEncoder.Encode(message.Id)}", message.Id);

    private static string RecipientPartition(string recipient) =>
        RecipientPrefix + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ContactStanding.NormaliseAddress(recipient))));

    private static TableEntity Pointer(string partitionKey, string rowKey, string messageId) => new(partitionKey, rowKey) { [MessageIdProperty] = messageId };

    private static string MessagePartition(string messageId) => MessagePrefix + KeyEncoder.Encode(messageId);

    private static string Ticks(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);
}

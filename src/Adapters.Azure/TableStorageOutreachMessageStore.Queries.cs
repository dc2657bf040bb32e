using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Adapters.Azure;

public sealed partial class TableStorageOutreachMessageStore
{
    /// <summary>Pointers resolved per page, in parallel: one point read each.</summary>
    private const int PointersPerPage = 100;

    public async Task<Message?> FindByProviderIdAsync(string providerMessageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(providerMessageId);
        var table = await TableAsync(cancellationToken);
        var pointer = await table.GetEntityIfExistsAsync<TableEntity>(ProviderPrefix + KeyEncoder.Encode(providerMessageId), SingleRow, [MessageIdProperty], cancellationToken);
        if (!pointer.HasValue)
        {
            return null;
        }

        var message = (await ReadAsync(table, pointer.Value!.GetString(MessageIdProperty), cancellationToken)).Message;
        return message?.ProviderMessageId == providerMessageId ? message : null;
    }

    public async Task<IReadOnlyList<Message>> ListByArtistAsync(ArtistId artistId, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        var messages = new List<Message>();
        await foreach (var (pointer, message) in ResolveAsync(table, ArtistPrefix + KeyEncoder.Encode(artistId.Value), PointersPerPage, cancellationToken))
        {
            if (message is not null && message.ArtistId == artistId && ArtistPointer(message).RowKey == pointer.RowKey)
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    public async Task<Message?> FindLatestToAsync(string recipient, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        await foreach (var (pointer, message) in ResolveAsync(table, RecipientPartition(recipient), 10, cancellationToken))
        {
            if (message is not null && RecipientPointer(message).RowKey == pointer.RowKey && RecipientPointer(message).PartitionKey == pointer.PartitionKey)
            {
                return message;
            }
        }

        return null;
    }

    public async Task<IReadOnlyList<Message>> ListRecentAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var messages = new List<Message>();
        if (maxCount == 0)
        {
            return messages;
        }

        var table = await TableAsync(cancellationToken);
        await foreach (var (pointer, message) in ResolveAsync(table, RecentPartition, Math.Min(maxCount, PointersPerPage), cancellationToken))
        {
            if (message is not null && RecentPointer(message).RowKey == pointer.RowKey)
            {
                messages.Add(message);
                if (messages.Count == maxCount)
                {
                    break;
                }
            }
        }

        return messages;
    }

    public async Task<int> DeleteByArtistAsync(ArtistId artistId, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        var deleted = 0;
        await foreach (var (pointer, message) in ResolveAsync(table, ArtistPrefix + KeyEncoder.Encode(artistId.Value), PointersPerPage, cancellationToken))
        {
            if (message is not null && message.ArtistId == artistId)
            {
                // The artist's pointer goes last, so an erasure stopped half-way finds the rest when it runs again.
                if (message.ProviderMessageId is { } provider)
                {
                    await DeletePointerAsync(table, ProviderPrefix + KeyEncoder.Encode(provider), SingleRow, message.Id, cancellationToken);
                }

                var recent = RecentPointer(message);
                await table.DeleteEntityAsync(recent.PartitionKey, recent.RowKey, ETag.All, cancellationToken);
                var to = RecipientPointer(message);
                await table.DeleteEntityAsync(to.PartitionKey, to.RowKey, ETag.All, cancellationToken);
                var removed = await table.DeleteEntityAsync(MessagePartition(message.Id), SingleRow, ETag.All, cancellationToken);
                if (removed.Status != 404)
                {
                    deleted++;
                }
            }

            await table.DeleteEntityAsync(pointer.PartitionKey, pointer.RowKey, ETag.All, cancellationToken);
        }

        return deleted;
    }

    /// <summary>The pointer rows of <paramref name="partitionKey"/> in key order, each with the message it leads to (null: gone).</summary>
    private static async IAsyncEnumerable<(TableEntity Pointer, Message? Message)> ResolveAsync(
        TableClient table, string partitionKey, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, ["PartitionKey", "RowKey", MessageIdProperty], cancellationToken).AsPages())
        {
            var messages = await Task.WhenAll(page.Values.Select(p => ReadAsync(table, p.GetString(MessageIdProperty), cancellationToken)));
            for (var i = 0; i < messages.Length; i++)
            {
                yield return (page.Values[i], messages[i].Message);
            }
        }
    }
}

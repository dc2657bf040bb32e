using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// The journal in Azure Table Storage (table <c>journal</c>): one partition, RowKey = position, the
/// head counter in the same partition so allocating positions and writing events is one atomic,
/// optimistic (ETag) transaction; concurrent writers retry with jittered backoff. Readers first drain
/// any outbox batch a crashed save left behind (ADR-002), so what they read includes every committed save.
/// </summary>
public sealed class TableStorageJournal : IJournal
{
    private readonly StorageContext _storage;

    public TableStorageJournal(TableServiceClient tableService, IOptions<AzureStorageOptions> options, TimeProvider time)
    {
        _storage = new StorageContext(tableService, options, time);
    }

    public async Task<long> AppendAsync(IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return await _storage.Journal.AppendAsync(events, null, cancellationToken)
            ?? throw new InvalidOperationException("An append without a drained marker always returns a position.");
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        await _storage.Outbox.RecoverAsync(cancellationToken);
        var rows = await _storage.Journal.ReadAsync(afterPosition, maxCount, cancellationToken);
        return rows.Select(r => new JournalEntry(r.Position, r.Event)).ToList();
    }

    public async Task<long> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        await _storage.Outbox.RecoverAsync(cancellationToken);
        return await _storage.Journal.GetHeadAsync(cancellationToken);
    }

    /// <summary>Drains outbox batches left by saves that stopped between their commit and their drain.</summary>
    public Task DrainOutboxAsync(CancellationToken cancellationToken = default) => _storage.Outbox.RecoverAsync(cancellationToken);
}

using System.Collections.Concurrent;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Adapters.Sources.Tests;

/// <summary>Just enough of the storage ports for <c>SourceSync</c> and <c>RecordIngestion</c>.</summary>
internal sealed class InMemoryStores : ISourceRecordStore, IWorkQueue, ISourceCursorStore
{
    private readonly ConcurrentDictionary<string, SourceRecord> _records = new();
    private readonly ConcurrentDictionary<string, SourceCursor> _cursors = new();

    public IReadOnlyCollection<SourceRecord> Records => _records.Values.ToList();

    public Task<bool> AddAsync(SourceRecord record, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default) =>
        Task.FromResult(_records.TryAdd(record.Id, record));

    public Task<SourceRecord?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_records.GetValueOrDefault(id));

    public Task SetStatusAsync(string id, SourceRecordStatus status, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<SourceRecordCount>> CountBySourceAndStatusAsync(CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task EnqueueAsync(WorkItem item, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<WorkLease?> LeaseAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task CompleteAsync(WorkLease lease, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task AbandonAsync(WorkLease lease, string reason, TimeSpan retryAfter, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task DeadLetterAsync(WorkLease lease, string reason, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task AcknowledgeAsync(WorkItem item, int attempts, string? deadLetterReason, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int maxCount, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<long> GetDepthAsync(CancellationToken cancellationToken = default) => Task.FromResult(0L);

    Task<SourceCursor?> ISourceCursorStore.GetAsync(string connectorKey, CancellationToken cancellationToken) =>
        Task.FromResult(_cursors.GetValueOrDefault(connectorKey));

    public Task SetAsync(SourceCursor cursor, CancellationToken cancellationToken = default)
    {
        _cursors[cursor.ConnectorKey] = cursor;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SourceCursor>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SourceCursor>>(_cursors.Values.ToList());
}

using MonaSpark.Domain.Events;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Application.Ports;

/// <summary>The landing zone for raw records, kept unchanged so processing can be replayed.</summary>
public interface ISourceRecordStore
{
    /// <summary>Adds the record and appends <paramref name="events"/> atomically. Idempotent.</summary>
    /// <returns>False when a record with the same id was already there (nothing is written).</returns>
    Task<bool> AddAsync(SourceRecord record, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default);

    Task<SourceRecord?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task SetStatusAsync(string id, SourceRecordStatus status, CancellationToken cancellationToken = default);

    /// <summary>How many records each source has in each status (pairs with no record are left out).</summary>
    Task<IReadOnlyList<SourceRecordCount>> CountBySourceAndStatusAsync(CancellationToken cancellationToken = default);
}

/// <summary>A count of records of one source in one status.</summary>
public sealed record SourceRecordCount(SourceKind Source, SourceRecordStatus Status, long Count);

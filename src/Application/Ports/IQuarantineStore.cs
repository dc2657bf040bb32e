using MonaSpark.Domain.Events;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Application.Ports;

/// <summary>Invalid records with their source, raw payload and every reason: never dropped.</summary>
public interface IQuarantineStore
{
    /// <summary>Quarantines the record and appends <paramref name="events"/> atomically. Idempotent by source record id.</summary>
    /// <returns>False when the record was already quarantined (nothing is written).</returns>
    Task<bool> AddAsync(QuarantinedRecord record, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default);

    /// <summary>The most recently quarantined records first.</summary>
    Task<IReadOnlyList<QuarantinedRecord>> ListAsync(int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Number of quarantined records per reason code (a record counts once per distinct code).</summary>
    Task<IReadOnlyDictionary<string, long>> CountByReasonAsync(CancellationToken cancellationToken = default);

    Task<long> CountAsync(CancellationToken cancellationToken = default);
}

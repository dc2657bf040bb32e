using MonaSpark.Domain.Events;

namespace MonaSpark.Application.Ports;

/// <summary>
/// The append-only journal of business events. Every event gets a position greater than every
/// earlier one; readers follow by position from a checkpoint.
/// </summary>
public interface IJournal
{
    /// <summary>Appends events that explain no stored state change of their own.</summary>
    /// <returns>The position of the last appended event (the head when <paramref name="events"/> is empty).</returns>
    Task<long> AppendAsync(IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="maxCount"/> entries with a position greater than <paramref name="afterPosition"/>, in order.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>The position of the last event, 0 when the journal is empty.</summary>
    Task<long> GetHeadAsync(CancellationToken cancellationToken = default);
}

/// <summary>An event at its journal position.</summary>
public sealed record JournalEntry(long Position, DomainEvent Event);

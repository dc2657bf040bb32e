using MonaSpark.Domain.Leads;

namespace MonaSpark.Domain.Events;

/// <summary>A lead was scored; the outcome label for training comes from later events.</summary>
public sealed record LeadScored(string StreamId, DateTimeOffset OccurredAt, double Probability, long ExpectedValueMinor, string Currency, long Priority, string ModelVersion, LeadTier Tier)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>A lead crossed the qualification threshold and may be contacted.</summary>
public sealed record LeadQualified(string StreamId, DateTimeOffset OccurredAt, long Priority)
    : DomainEvent(StreamId, OccurredAt);

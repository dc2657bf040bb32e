namespace MonaSpark.Domain.Events;

public sealed record SignupCompleted(string StreamId, DateTimeOffset OccurredAt, string OfferId, TimeSpan Duration)
    : DomainEvent(StreamId, OccurredAt);

public sealed record PaymentSucceeded(string StreamId, DateTimeOffset OccurredAt, string SubscriptionId, long AmountMinor, string Currency)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>A tombstone: the artist's personal data was erased everywhere. Carries no personal data.</summary>
public sealed record DataErased(string StreamId, DateTimeOffset OccurredAt, string RequestedVia)
    : DomainEvent(StreamId, OccurredAt);

namespace MonaSpark.Domain.Events;

/// <summary>The customer asked, in the portal, to move to <see cref="OfferId"/> (from the plan they had, when known); billing applies it.</summary>
public sealed record PlanChangeRequested(string StreamId, DateTimeOffset OccurredAt, string? FromOfferId, string OfferId)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>The person asked for their data to be erased (GDPR art. 17); <see cref="DataErased"/> follows when it is done.</summary>
public sealed record ErasureRequested(string StreamId, DateTimeOffset OccurredAt, string Via)
    : DomainEvent(StreamId, OccurredAt);

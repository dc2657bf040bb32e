using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Events;

public sealed record OutreachSent(string StreamId, DateTimeOffset OccurredAt, string MessageId, string CampaignId, string VariantId, ContactChannel Channel)
    : DomainEvent(StreamId, OccurredAt);

public sealed record LinkClicked(string StreamId, DateTimeOffset OccurredAt, string MessageId)
    : DomainEvent(StreamId, OccurredAt);

public sealed record LandingViewed(string StreamId, DateTimeOffset OccurredAt, string VariantId)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>The person objected on one channel, or on all of them when <see cref="Channel"/> is null.</summary>
public sealed record OptedOut(string StreamId, DateTimeOffset OccurredAt, ContactChannel? Channel, string Via)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>The person opted in on a channel (web push after signup): its contact point is theirs to give. Carries no address.</summary>
public sealed record ConsentGiven(string StreamId, DateTimeOffset OccurredAt, ContactChannel Channel, string Via)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>The person wrote to us on a channel (an SMS reply, a DM): it opens that channel's conversation window.</summary>
public sealed record MessageReceived(string StreamId, DateTimeOffset OccurredAt, ContactChannel Channel)
    : DomainEvent(StreamId, OccurredAt);

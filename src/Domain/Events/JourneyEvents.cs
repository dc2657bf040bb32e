namespace MonaSpark.Domain.Events;

/// <summary>A lead's journey began: which journey (the saga instance), for which campaign and offer.</summary>
public sealed record JourneyStarted(string StreamId, DateTimeOffset OccurredAt, string JourneyId, string CampaignId, string OfferId)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>A journey ended, with its outcome (<c>JourneyOutcomes</c>). Consumers key on <see cref="JourneyId"/>: a resumed journey may report its end twice.</summary>
public sealed record JourneyEnded(string StreamId, DateTimeOffset OccurredAt, string JourneyId, string Outcome)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>A message that was drafted or waiting was cancelled and will never be sent (opt-out, erasure, the journey's end).</summary>
public sealed record OutreachCancelled(string StreamId, DateTimeOffset OccurredAt, string MessageId, string Reason)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>
/// A message's send was held back until <paramref name="NotBefore"/> (the recipient's quiet hours, the
/// shared cap, the sender's quota or pause); <paramref name="Dispatch"/> numbers the journey's attempts
/// at the message, so an answer to an earlier attempt is told apart.
/// </summary>
public sealed record OutreachDeferred(string StreamId, DateTimeOffset OccurredAt, string MessageId, DateTimeOffset NotBefore, string Reason, int Dispatch)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>A message could not be sent: the provider refused it, or no channel can carry it.</summary>
public sealed record OutreachFailed(string StreamId, DateTimeOffset OccurredAt, string MessageId, string Reason)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>A checkout session was opened for the artist, priced in their currency.</summary>
public sealed record CheckoutOpened(string StreamId, DateTimeOffset OccurredAt, string CheckoutId, string OfferId, long AmountMinor, string Currency)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>A checkout session was voided (timeout, opt-out, erasure, a failure after it was opened).</summary>
public sealed record CheckoutVoided(string StreamId, DateTimeOffset OccurredAt, string CheckoutId, string Reason)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>A new customer's upsell evaluation is due at <see cref="DueAt"/>.</summary>
public sealed record UpsellEvaluationScheduled(string StreamId, DateTimeOffset OccurredAt, string OfferId, DateTimeOffset DueAt)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>A sender was paused automatically (complaint or bounce rate over its limit). The stream is the sender.</summary>
public sealed record SenderPaused(string StreamId, DateTimeOffset OccurredAt, string Reason, double Rate)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>The artist started signing up from their landing page: their onboarding begins.</summary>
public sealed record OnboardingStarted(string StreamId, DateTimeOffset OccurredAt, string OfferId)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>
/// A provider reported on a message (delivered, bounced, complained, opened), after its signature was
/// verified. <see cref="ProviderEventId"/> is the provider's id of the report: the same report twice is recorded once.
/// </summary>
public sealed record DeliveryReported(string StreamId, DateTimeOffset OccurredAt, string MessageId, string Kind, string ProviderEventId)
    : DomainEvent(StreamId, OccurredAt);

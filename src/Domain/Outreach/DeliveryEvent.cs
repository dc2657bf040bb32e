using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Outreach;

/// <summary>
/// What a provider reports about a message or a recipient, after its signature was verified:
/// delivered, bounced (hard: the address is dead), complained (marked as spam), opened, clicked,
/// an inbound reply, or an opt-out (an unsubscribe, an SMS STOP keyword). Carries the provider's
/// message id when the report is about a message, and the address it concerns.
/// </summary>
/// <param name="Provider">The provider's name (<c>sendgrid</c>, <c>twilio</c>).</param>
/// <param name="EventId">The provider's id of this report (dedupe key); derived from its content when the provider has none.</param>
/// <param name="Channel">The channel the report concerns.</param>
/// <param name="ProviderMessageId">The provider's id of the message it is about, when it is about one.</param>
/// <param name="Address">The recipient's address (e-mail, E.164 number) the report concerns.</param>
/// <param name="Detail">The provider's reason, cut to 200 characters (a bounce's SMTP answer, a keyword); never a message body.</param>
public sealed record DeliveryEvent(
    string Provider,
    string EventId,
    DeliveryEventKind Kind,
    ContactChannel Channel,
    string? ProviderMessageId,
    string Address,
    DateTimeOffset OccurredAt,
    string? Detail);

public enum DeliveryEventKind
{
    Delivered = 0,
    /// <summary>A permanent failure: the address is suppressed.</summary>
    Bounced = 1,
    /// <summary>A temporary failure (mailbox full, carrier busy): nothing is suppressed.</summary>
    Deferred = 2,
    /// <summary>Marked as spam: the address is suppressed and the sender's complaint rate rises.</summary>
    Complained = 3,
    Opened = 4,
    Clicked = 5,
    /// <summary>An inbound message from the recipient (an SMS reply, a DM): it also opens a DM conversation.</summary>
    Replied = 6,
    /// <summary>Unsubscribe, or an SMS STOP keyword: an objection on that channel.</summary>
    OptedOut = 7,
    /// <summary>An SMS START/UNSTOP keyword: the person opts back in on that channel.</summary>
    OptedIn = 8,
}

using MonaSpark.Domain.Artists;

namespace MonaSpark.Application.Outreach;

// What saga steps exchange. Ids and decisions only, never an address or a message text: those stay in
// the stores, so orchestration history holds no personal data.

/// <summary>Plan a journey: which channels can reach the artist, in order, and the link token.</summary>
public sealed record JourneyPlanRequest(string JourneyId, string ArtistId, string CampaignId, DateTimeOffset StartedAt);

/// <param name="Channels">Channels with a contact point that passes the hard checks, in the configured order.</param>
/// <param name="LinkToken">The token of the artist's landing and unsubscribe links (minted before any copy is drafted).</param>
public sealed record JourneyPlan(JourneyPlanStatus Status, IReadOnlyList<ContactChannel> Channels, string? LinkToken, string? VariantId, string? OfferId);

public enum JourneyPlanStatus
{
    Ready = 0,
    ArtistUnknown = 1,
    NoEligibleChannel = 2,
}

/// <summary>Draft message <see cref="MessageId"/> (the step's key) for the artist on a channel.</summary>
public sealed record DraftRequest(string MessageId, string ArtistId, string CampaignId, ContactChannel Channel, string VariantId, string LinkToken, bool FirstContact);

/// <summary>Whether the message exists now (drafted by this call or an earlier one), and why not.</summary>
public sealed record DraftOutcome(bool Drafted, string? Reason);

/// <summary>What became of a send: sent (when), deferred (until when, why), refused by the policy (why), or failed at the provider (why).</summary>
public sealed record SendOutcome(SendOutcomeKind Kind, DateTimeOffset At, DateTimeOffset? NotBefore, IReadOnlyList<string> Reasons)
{
    public static SendOutcome Sent(DateTimeOffset at) => new(SendOutcomeKind.Sent, at, null, []);

    public static SendOutcome Deferred(DateTimeOffset at, DateTimeOffset notBefore, string reason) => new(SendOutcomeKind.Deferred, at, notBefore, [reason]);

    public static SendOutcome Refused(DateTimeOffset at, IReadOnlyList<string> reasons) => new(SendOutcomeKind.Refused, at, null, reasons);

    public static SendOutcome Failed(DateTimeOffset at, string reason) => new(SendOutcomeKind.Failed, at, null, [reason]);
}

public enum SendOutcomeKind
{
    Sent = 0,
    Deferred = 1,
    Refused = 2,
    Failed = 3,
}

/// <summary>Extra refusal and deferral codes of the send path (the policy's own are in <c>SendRefusals</c>).</summary>
public static class SendPathReasons
{
    public const string UnknownMessage = "unknown-message";
    public const string Cancelled = "cancelled";
    public const string ArtistErased = "artist-erased";
    public const string NoContactPoint = "no-contact-point";
    public const string SenderPaused = "sender-paused";
    public const string DailyCap = "daily-cap";
    public const string ProviderRefused = "provider-refused";
    public const string NoChannel = "no-channel-adapter";
    public const string GaveUp = "send-gave-up";
}

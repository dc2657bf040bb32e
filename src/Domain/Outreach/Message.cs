using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Outreach;

/// <summary>A rendered outreach message and its delivery state.</summary>
/// <param name="IdempotencyKey">The saga step that produced it (<c>{instanceId}:{step}</c>): sending twice is a no-op.</param>
public sealed record Message(
    string Id,
    string IdempotencyKey,
    ArtistId ArtistId,
    string CampaignId,
    string VariantId,
    ContactChannel Channel,
    string Recipient,
    string Subject,
    string Body,
    string Language,
    MessageStatus Status,
    DateTimeOffset CreatedAt)
{
    /// <summary>The one-click unsubscribe page of this message (<c>/u/{token}</c>); every marketing e-mail carries it in <c>List-Unsubscribe</c>.</summary>
    public Uri? UnsubscribeUrl { get; init; }
}

public enum MessageStatus
{
    Drafted = 0,
    Scheduled = 1,
    Sent = 2,
    Delivered = 3,
    Bounced = 4,
    Complained = 5,
    Cancelled = 6,
}

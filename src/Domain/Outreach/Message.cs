using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Outreach;

/// <summary>A rendered outreach message and its delivery state.</summary>
/// <param name="Id">The message id: the saga step that drafted it (<c>{instanceId}:{step}</c>), so drafting twice stores one.</param>
/// <param name="IdempotencyKey">The key every provider call for it carries: sending twice is a no-op.</param>
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

    /// <summary>
    /// A message the person asked for (a sign-in link), not marketing: it carries no unsubscribe link,
    /// and the consent and frequency rules of outreach do not apply to it.
    /// </summary>
    public bool Transactional { get; init; }

    /// <summary>The sender it goes out from (an address or number), whose quota and health it counts against.</summary>
    public string? Sender { get; init; }

    /// <summary>The provider's id once accepted (webhooks refer to it).</summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>When <see cref="Status"/> was last set.</summary>
    public DateTimeOffset? StatusAt { get; init; }
}

public enum MessageStatus
{
    Drafted = 0,
    Scheduled = 1,
    Sent = 2,
    Delivered = 3,
    Bounced = 4,
    Complained = 5,
    /// <summary>Not sent, and never will be: refused by the policy, cancelled by an opt-out, an erasure or the end of its journey.</summary>
    Cancelled = 6,
    /// <summary>The provider refused it (a rejected recipient, an invalid number).</summary>
    Failed = 7,
}

/// <summary>Which status moves are allowed: only forward, so a late or replayed report never undoes a later one.</summary>
public static class MessageStatuses
{
    public static bool CanMove(MessageStatus from, MessageStatus to) => from == to || (from, to) switch
    {
        (MessageStatus.Drafted, _) => true,
        (MessageStatus.Scheduled, MessageStatus.Sent or MessageStatus.Cancelled or MessageStatus.Failed or MessageStatus.Delivered or MessageStatus.Bounced or MessageStatus.Complained) => true,
        (MessageStatus.Sent, MessageStatus.Delivered or MessageStatus.Bounced or MessageStatus.Complained) => true,
        // A complaint or a late bounce arrives after delivery.
        (MessageStatus.Delivered, MessageStatus.Bounced or MessageStatus.Complained) => true,
        _ => false,
    };

    /// <summary>True when the message has gone to the provider (whatever happened after).</summary>
    public static bool WasSent(MessageStatus status) =>
        status is MessageStatus.Sent or MessageStatus.Delivered or MessageStatus.Bounced or MessageStatus.Complained;
}

using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Commerce;

/// <summary>A paying customer's plan.</summary>
public sealed record Subscription(
    string Id,
    ArtistId ArtistId,
    string OfferId,
    Money Price,
    SubscriptionStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? CurrentPeriodEnd);

public enum SubscriptionStatus
{
    PendingPayment = 0,
    Active = 1,
    PastDue = 2,
    Cancelled = 3,
}

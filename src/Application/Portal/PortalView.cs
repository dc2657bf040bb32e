using MonaSpark.Application.Landing;
using MonaSpark.Domain.Commerce;

namespace MonaSpark.Application.Portal;

/// <summary>What the portal page shows, loaded first (the renderer does no I/O).</summary>
/// <param name="Csrf">The value the page's forms carry (derived from the session).</param>
public sealed record PortalView(
    string Language,
    string ArtistName,
    PortalOnboarding Onboarding,
    PortalSubscription Subscription,
    IReadOnlyList<PortalInvoice> Invoices,
    IReadOnlyList<PlanChoice> Plans,
    string? RequestedPlanId,
    DateTimeOffset? ErasureRequestedAt,
    string Csrf);

/// <summary>Where onboarding stands: <see cref="NotStarted"/>, <see cref="InProgress"/> (question <c>Step</c> of <c>Of</c>) or <see cref="Completed"/> (in <c>Took</c>).</summary>
public sealed record PortalOnboarding(string State, int Step = 0, int Of = 0, TimeSpan? Took = null)
{
    public const string NotStarted = "not-started";
    public const string InProgress = "in-progress";
    public const string Completed = "completed";
}

/// <summary>The subscription: its status (<see cref="Projections.CustomerAccount.None"/>, pending, active), its plan and since when it is active.</summary>
public sealed record PortalSubscription(string Status, PlanChoice? Plan, DateTimeOffset? Since);

/// <summary>A payment: invoice number, date, amount in its currency.</summary>
public sealed record PortalInvoice(string Id, DateTimeOffset At, Money Amount);

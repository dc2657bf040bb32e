namespace MonaSpark.Domain.Leads;

/// <summary>Where a lead is in the funnel, from discovery to paying customer.</summary>
public enum FunnelStage
{
    Discovered = 0,
    Scored = 1,
    Qualified = 2,
    Contacted = 3,
    Engaged = 4,
    SignedUp = 5,
    Onboarded = 6,
    Customer = 7,
    Churned = 8,
    Disqualified = 9,
    OptedOut = 10,
}

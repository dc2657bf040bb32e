namespace MonaSpark.Domain.Outreach;

/// <summary>A campaign: an offer pitched through weighted variants.</summary>
public sealed record Campaign(string Id, string Name, string OfferId, CampaignStatus Status, IReadOnlyList<Variant> Variants);

public enum CampaignStatus
{
    Draft = 0,
    Active = 1,
    Paused = 2,
    Ended = 3,
}

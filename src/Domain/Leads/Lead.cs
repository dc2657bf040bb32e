using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Leads;

/// <summary>An artist as a sales prospect: funnel stage, latest score and priority.</summary>
public sealed record Lead
{
    public required ArtistId ArtistId { get; init; }

    public required string DisplayName { get; init; }

    public required FunnelStage Stage { get; init; }

    public Score? Score { get; init; }

    /// <summary>Priority in minor units of the scoring currency (see <see cref="Score.Priority"/>).</summary>
    public long Priority { get; init; }

    public LeadTier Tier { get; init; } = LeadTier.Unscored;

    /// <summary>The artist version the current score was computed from: rescoring the same version is a no-op.</summary>
    public long ScoredArtistVersion { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public long Version { get; init; }
}

/// <summary>Coarse priority tiers shown to the team.</summary>
public enum LeadTier
{
    Unscored = 0,
    Cold = 1,
    Warm = 2,
    Hot = 3,
}

using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Outreach;

/// <summary>A consent decision or objection for one channel, checked before every send.</summary>
public sealed record Consent(
    ArtistId ArtistId,
    ContactChannel Channel,
    ConsentStatus Status,
    LawfulBasis Basis,
    string Evidence,
    DateTimeOffset DecidedAt);

public enum ConsentStatus
{
    Granted = 0,
    /// <summary>The person objected or unsubscribed: no further sends on this channel.</summary>
    Withdrawn = 1,
}

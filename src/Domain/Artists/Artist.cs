using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Artists;

/// <summary>
/// The merged profile of one artist. Every field carries its source and observed-at time; the
/// lists keep one entry per source so nothing observed is lost.
/// </summary>
public sealed record Artist
{
    public required ArtistId Id { get; init; }

    public required Sourced<string> Name { get; init; }

    public Sourced<string>? Bio { get; init; }

    public Sourced<CountryCode>? Country { get; init; }

    public Sourced<IReadOnlyList<string>>? Genres { get; init; }

    public Sourced<Uri>? ImageUrl { get; init; }

    public IReadOnlyList<PlatformProfile> Profiles { get; init; } = [];

    public IReadOnlyList<ContactPoint> ContactPoints { get; init; } = [];

    /// <summary>Ids of the raw records this profile was built from.</summary>
    public IReadOnlyList<string> SourceRecordIds { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Optimistic concurrency: 0 for a new artist, incremented by every save.</summary>
    public long Version { get; init; }

    /// <summary>True when the artist has a verified business contact on <paramref name="channel"/>.</summary>
    public bool IsReachableOn(ContactChannel channel) =>
        ContactPoints.Any(c => c.Channel == channel && c.IsBusinessContact);
}

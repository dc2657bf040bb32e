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

    /// <summary>Links the artist published (own site, pages on other platforms), each with where it was seen.</summary>
    public IReadOnlyList<Sourced<Uri>> Websites { get; init; } = [];

    /// <summary>Ids of the raw records this profile was built from.</summary>
    public IReadOnlyList<string> SourceRecordIds { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// Artists folded into this one, transitively (a merged artist's own merges are flattened in), so
    /// that their stored snapshots can be read with the survivor's without following chains.
    /// </summary>
    public IReadOnlyList<ArtistId> MergedFrom { get; init; } = [];

    /// <summary>
    /// Set on a tombstone: the artist this one was merged into. A tombstone keeps its own records and
    /// snapshots so the merge can be undone; reads that find it follow this to the survivor.
    /// </summary>
    public ArtistId? MergedInto { get; init; }

    /// <summary>Optimistic concurrency: 0 for a new artist, incremented by every save.</summary>
    public long Version { get; init; }

    /// <summary>True when the artist has a verified business contact on <paramref name="channel"/>.</summary>
    public bool IsReachableOn(ContactChannel channel) =>
        ContactPoints.Any(c => c.Channel == channel && c.IsBusinessContact);
}

using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Resolution;

namespace MonaSpark.Application.Resolution;

/// <summary>
/// Where a record goes: into <see cref="Target"/> (null: a new artist), after merging
/// <see cref="AlsoOwners"/> into it; and, for a new artist that may be a duplicate, the candidate to
/// put up for review.
/// </summary>
/// <param name="Confidence">How sure the match with <see cref="Target"/> is (1 for a shared platform id).</param>
/// <param name="AlsoOwners">Other artists owning the record's platform profiles: the record shows they are one.</param>
/// <param name="ReviewCandidate">An uncertain match, kept apart and reviewed.</param>
public sealed record ArtistResolution(
    Artist? Target,
    double Confidence,
    IReadOnlyList<Artist> AlsoOwners,
    Artist? ReviewCandidate,
    MatchScore? ReviewScore)
{
    public static ArtistResolution New { get; } = new(null, 0, [], null, null);

    public static ArtistResolution Into(Artist target, double confidence, IReadOnlyList<Artist>? alsoOwners = null) =>
        new(target, confidence, alsoOwners ?? [], null, null);
}

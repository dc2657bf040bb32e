using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Features;

namespace MonaSpark.Application.Ports;

/// <summary>
/// Feature vectors by artist, feature-set version and as-of time, appended at every scoring. Reads are
/// point-in-time: <see cref="GetAsOfAsync"/> never returns a vector computed after the time asked for,
/// so training on a label sees the artist as it was when the label's decision was made.
/// </summary>
public interface IFeatureStore
{
    /// <summary>Stores the vector; storing the same (artist, feature set, as-of) again changes nothing.</summary>
    Task SaveAsync(FeatureVector vector, CancellationToken cancellationToken = default);

    /// <summary>The latest vector of <paramref name="featureSet"/> with <c>AsOf ≤ <paramref name="asOf"/></c>, or null.</summary>
    Task<FeatureVector?> GetAsOfAsync(ArtistId artistId, string featureSet, DateTimeOffset asOf, CancellationToken cancellationToken = default);
}

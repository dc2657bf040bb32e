using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Artists;

/// <summary>
/// The audience figures one platform showed at one time. Snapshots are appended, never edited, so
/// growth over any window can be computed.
/// </summary>
/// <param name="ArtistId">The artist.</param>
/// <param name="Platform">The platform the figures are from.</param>
/// <param name="ObservedAt">When the platform showed them.</param>
/// <param name="Followers">Followers or subscribers.</param>
/// <param name="Plays">Total plays or views, where the platform gives them.</param>
/// <param name="Popularity">The platform's own 0–100 popularity index, where it gives one.</param>
public sealed record MetricSnapshot(
    ArtistId ArtistId,
    SourceKind Platform,
    DateTimeOffset ObservedAt,
    long Followers,
    long? Plays = null,
    int? Popularity = null);

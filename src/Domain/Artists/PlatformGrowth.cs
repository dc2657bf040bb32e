using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Artists;

/// <summary>Followers on one platform at the baseline and at the latest observation, and the relative change.</summary>
/// <param name="Rate">(latest − baseline) / baseline: 0.25 is +25%.</param>
public sealed record PlatformGrowth(
    SourceKind Platform,
    long BaselineFollowers,
    DateTimeOffset BaselineAt,
    long LatestFollowers,
    DateTimeOffset LatestAt,
    double Rate);

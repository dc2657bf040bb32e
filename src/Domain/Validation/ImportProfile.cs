using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Validation;

/// <summary>
/// A profile record that passed validation: the typed form of one line of an import file
/// (the schema is documented in docs/import-format.md).
/// </summary>
public sealed record ImportProfile(
    string ExternalId,
    string Name,
    string? Bio,
    CountryCode? Country,
    IReadOnlyList<string> Genres,
    Uri? ImageUrl,
    string? BusinessEmail,
    IReadOnlyList<ImportPlatformProfile> Profiles,
    IReadOnlyList<ImportMetric> Metrics,
    DateTimeOffset ObservedAt);

public sealed record ImportPlatformProfile(SourceKind Platform, string ExternalId, Uri Url);

public sealed record ImportMetric(SourceKind Platform, DateTimeOffset ObservedAt, long Followers, long? Plays, int? Popularity);

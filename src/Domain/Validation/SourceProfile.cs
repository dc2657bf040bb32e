using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Validation;

/// <summary>
/// What one valid source record says about an artist, whatever the source: an import line, a
/// Spotify artist object, a YouTube channel, a scraped page. Each source's validator maps its own
/// documented shape to this; resolution and merging work on this alone.
/// </summary>
/// <param name="ExternalId">The source's id for the artist (Spotify id, channel id, page URL, import id).</param>
/// <param name="Websites">Other links the artist published (own site, other platforms' pages): match keys, not profiles.</param>
public sealed record SourceProfile(
    string ExternalId,
    string Name,
    string? Bio,
    CountryCode? Country,
    IReadOnlyList<string> Genres,
    Uri? ImageUrl,
    string? BusinessEmail,
    IReadOnlyList<ProfileLink> Profiles,
    IReadOnlyList<ObservedMetric> Metrics,
    DateTimeOffset ObservedAt,
    IReadOnlyList<Uri>? Websites = null);

public sealed record ProfileLink(SourceKind Platform, string ExternalId, Uri Url);

public sealed record ObservedMetric(SourceKind Platform, DateTimeOffset ObservedAt, long Followers, long? Plays, int? Popularity);

using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Artists;

/// <summary>The artist's profile on one platform: the strongest key for matching across sources.</summary>
public sealed record PlatformProfile(SourceKind Platform, string ExternalId, Uri Url, Provenance Provenance);

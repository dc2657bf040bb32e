using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Resolution;

/// <summary>The survivor with everything of both, and the merged artist as a tombstone.</summary>
public sealed record ArtistMergeResult(Artist Survivor, Artist Tombstone);

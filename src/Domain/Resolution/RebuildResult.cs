using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Resolution;

/// <summary>The rebuilt artist (null when no record was valid), its snapshots, and the records that no longer validate.</summary>
public sealed record RebuildResult(Artist? Artist, IReadOnlyList<MetricSnapshot> Snapshots, IReadOnlyList<string> SkippedRecordIds);

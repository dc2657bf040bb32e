namespace MonaSpark.Domain.Sources;

/// <summary>Where and when a value was observed.</summary>
/// <param name="Source">The source kind.</param>
/// <param name="SourceRecordId">The raw record the value was read from, when there is one.</param>
/// <param name="ObservedAt">When the source showed this value.</param>
public sealed record Provenance(SourceKind Source, string? SourceRecordId, DateTimeOffset ObservedAt);

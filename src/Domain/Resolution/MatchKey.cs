namespace MonaSpark.Domain.Resolution;

/// <summary>One value under which stores index an artist for candidate search.</summary>
public readonly record struct MatchKey(MatchKeyKind Kind, string Value);

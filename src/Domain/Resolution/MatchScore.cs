namespace MonaSpark.Domain.Resolution;

/// <summary>How sure a match is (0–1) and why, in plain words free of personal data.</summary>
public sealed record MatchScore(double Confidence, IReadOnlyList<string> Reasons);

namespace MonaSpark.Workflows.Scoring;

/// <summary>How a <see cref="ScoreArtistsOrchestration"/> run ended: artists scored, and those that failed every attempt.</summary>
public sealed record ScoreArtistsResult(int Scored, int Failed, IReadOnlyList<string> FailedArtistIds);

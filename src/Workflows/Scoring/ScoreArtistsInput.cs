namespace MonaSpark.Workflows.Scoring;

/// <summary>What <see cref="ScoreArtistsOrchestration"/> scores and how hard it pushes.</summary>
/// <param name="ArtistIds">Artists to score; duplicates are scored once.</param>
/// <param name="MaxParallelism">Activities in flight at once (a wave); default 8 keeps the store's request rate modest.</param>
/// <param name="MaxAttempts">Attempts per artist before it counts as failed (default 3).</param>
/// <param name="FirstRetryDelay">
/// Delay before the second attempt, doubled per attempt (default 5 s). An input, not a constant,
/// because durable timers run in real time and tests want milliseconds.
/// </param>
public sealed record ScoreArtistsInput(
    IReadOnlyList<string> ArtistIds,
    int MaxParallelism = ScoreArtistsInput.DefaultMaxParallelism,
    int MaxAttempts = ScoreArtistsInput.DefaultMaxAttempts,
    TimeSpan? FirstRetryDelay = null)
{
    public const int DefaultMaxParallelism = 8;

    public const int DefaultMaxAttempts = 3;

    /// <summary>Upper bound on <see cref="MaxParallelism"/>: a wave is one orchestration step, kept small for replay.</summary>
    public const int MaxParallelismLimit = 100;

    public static readonly TimeSpan DefaultFirstRetryDelay = TimeSpan.FromSeconds(5);
}

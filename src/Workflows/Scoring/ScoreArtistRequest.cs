namespace MonaSpark.Workflows.Scoring;

/// <summary>Input of the <see cref="ScoreArtistActivity"/>: the artist and the idempotency key of this step.</summary>
/// <param name="ArtistId">The artist to score.</param>
/// <param name="IdempotencyKey">Deterministic <c>{instanceId}:score:{artistId}</c>: a replayed or retried step carries the same key.</param>
public sealed record ScoreArtistRequest(string ArtistId, string IdempotencyKey)
{
    /// <summary>The key of the step that scores <paramref name="artistId"/> in orchestration <paramref name="instanceId"/>.</summary>
    public static string KeyFor(string instanceId, string artistId) => $"{instanceId}:score:{artistId}";
}

using MonaSpark.Domain.Resolution;

namespace MonaSpark.Application.Ports;

/// <summary>
/// Possible duplicates waiting for a person's decision. A pair of artists is reviewed once: adding
/// it again, in either order and whatever the first review's status, changes nothing.
/// </summary>
public interface IMatchReviewStore
{
    /// <summary>Adds the review unless its pair already has one.</summary>
    /// <returns>False when the pair was already there (nothing is written).</returns>
    Task<bool> AddAsync(MatchReview review, CancellationToken cancellationToken = default);

    Task<MatchReview?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="maxCount"/> pending reviews, oldest first.</summary>
    Task<IReadOnlyList<MatchReview>> ListPendingAsync(int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the decision on a pending review. A review already decided keeps its first decision:
    /// the call returns it unchanged, so a repeated request is harmless.
    /// </summary>
    /// <param name="decision"><see cref="MatchReviewStatus.Accepted"/> or <see cref="MatchReviewStatus.Rejected"/>.</param>
    /// <returns>The review as stored after the call; null when there is no review <paramref name="id"/>.</returns>
    Task<MatchReview?> ResolveAsync(string id, MatchReviewStatus decision, DateTimeOffset at, CancellationToken cancellationToken = default);
}

using MonaSpark.Application.Ports;
using MonaSpark.Domain.Resolution;

namespace MonaSpark.Application.Resolution;

/// <summary>
/// Use case: a person decides a review. Accepting merges the newer artist into the one that was
/// already known; rejecting keeps them apart for good (the pair is never proposed again).
/// </summary>
public sealed class MatchReviewDecisions(IMatchReviewStore reviews, MergeArtists merges, TimeProvider time)
{
    /// <returns>The review as stored; null when there is none with <paramref name="id"/>.</returns>
    public async Task<MatchReview?> DecideAsync(string id, bool accept, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var review = await reviews.GetAsync(id, cancellationToken);
        if (review is null)
        {
            return null;
        }

        if (accept && review.Status != MatchReviewStatus.Rejected)
        {
            // Merge before recording the decision: a crash in between leaves a pending review whose
            // replay finds the merge done and only records it.
            await merges.MergeAsync(review.ArtistA, review.ArtistB, review.Confidence, cancellationToken);
        }

        return await reviews.ResolveAsync(id, accept ? MatchReviewStatus.Accepted : MatchReviewStatus.Rejected, time.GetUtcNow(), cancellationToken);
    }
}

using MonaSpark.Domain.Resolution;

namespace MonaSpark.Api;

/// <summary>One possible duplicate: <see cref="ArtistA"/> was known first, <see cref="ArtistB"/> was created beside it.</summary>
public sealed record ReviewView(string Id, string ArtistA, string ArtistB, double Confidence, IReadOnlyList<string> Reasons, string? SourceRecordId, DateTimeOffset CreatedAt, string Status)
{
    public static ReviewView Of(MatchReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return new ReviewView(review.Id, review.ArtistA.Value, review.ArtistB.Value, review.Confidence, review.Reasons, review.SourceRecordId, review.CreatedAt, review.Status.ToString());
    }
}

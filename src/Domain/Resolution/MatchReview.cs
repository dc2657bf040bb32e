using System.Security.Cryptography;
using System.Text;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Resolution;

/// <summary>
/// A possible duplicate kept apart until a person decides: <see cref="ArtistA"/> is the artist that
/// was already known (the survivor if accepted), <see cref="ArtistB"/> the one created beside it.
/// </summary>
/// <param name="Id">Derived from the unordered pair (<see cref="IdFor"/>): a pair is reviewed once.</param>
/// <param name="Reasons">The scorer's reasons, in plain words.</param>
/// <param name="SourceRecordId">The record whose resolution raised the question, when there is one.</param>
public sealed record MatchReview(
    string Id,
    ArtistId ArtistA,
    ArtistId ArtistB,
    double Confidence,
    IReadOnlyList<string> Reasons,
    string? SourceRecordId,
    DateTimeOffset CreatedAt,
    MatchReviewStatus Status = MatchReviewStatus.Pending,
    DateTimeOffset? ResolvedAt = null)
{
    /// <summary>The same id for (a, b) and (b, a).</summary>
    public static string IdFor(ArtistId a, ArtistId b)
    {
        var (first, second) = string.CompareOrdinal(a.Value, b.Value) <= 0 ? (a, b) : (b, a);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{first}\n{second}"));
        return $"rev-{Convert.ToHexStringLower(hash.AsSpan(0, 12))}";
    }

    public static MatchReview Open(ArtistId existing, ArtistId created, MatchScore score, string? sourceRecordId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(score);
        return new MatchReview(IdFor(existing, created), existing, created, score.Confidence, score.Reasons, sourceRecordId, at);
    }
}

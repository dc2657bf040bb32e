using System.Globalization;
using Microsoft.AspNetCore.Http;
using MonaSpark.Application.Ports;

namespace MonaSpark.Api;

/// <summary><c>GET /api/reviews?top=N</c>: possible duplicates waiting for a decision, oldest first, with the scorer's reasons.</summary>
public static class ReviewsEndpoint
{
    public const int DefaultTop = 50;

    public const int MaxTop = 500;

    public static async Task<IResult> GetAsync(string? top, IMatchReviewStore reviews, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var count = DefaultTop;
        if (top is not null && (!int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxTop))
        {
            return Problems.BadRequest("Invalid 'top'", $"'top' must be a whole number from 1 to {MaxTop}.");
        }

        var pending = await reviews.ListPendingAsync(count, cancellationToken);
        return Results.Ok(new ReviewsResponse(pending.Count, pending.Select(ReviewView.Of).ToList()));
    }
}

/// <summary>The body of <c>GET /api/reviews</c>.</summary>
public sealed record ReviewsResponse(int Count, IReadOnlyList<ReviewView> Reviews);

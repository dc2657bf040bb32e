using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonaSpark.Api;
using MonaSpark.Application.Ports;

namespace MonaSpark.Functions.Triggers;

/// <summary><c>GET /api/reviews?top=N</c>, as on the local host.</summary>
public sealed class GetReviews(IMatchReviewStore reviews)
{
    [Function(nameof(GetReviews))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reviews")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultActionResult(await ReviewsEndpoint.GetAsync(request.Query["top"], reviews, cancellationToken));
    }
}

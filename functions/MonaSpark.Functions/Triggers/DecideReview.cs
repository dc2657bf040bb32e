using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonaSpark.Api;
using MonaSpark.Application.Resolution;

namespace MonaSpark.Functions.Triggers;

/// <summary><c>POST /api/reviews/{id}</c>, as on the local host; the Functions host checks the function key first.</summary>
public sealed class DecideReview(MatchReviewDecisions decisions)
{
    [Function(nameof(DecideReview))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/reviews/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await ReviewDecisionEndpoint.PostAsync(id, request, decisions, cancellationToken));
}

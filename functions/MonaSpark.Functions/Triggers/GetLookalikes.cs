using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonaSpark.Api;
using MonaSpark.Application.Lookalikes;

namespace MonaSpark.Functions.Triggers;

/// <summary><c>GET /api/lookalikes</c>, as on the local host.</summary>
public sealed class GetLookalikes(LookalikeQuery lookalikes)
{
    [Function(nameof(GetLookalikes))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/lookalikes")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultActionResult(await LookalikesEndpoint.GetAsync(request, lookalikes, cancellationToken));
    }
}

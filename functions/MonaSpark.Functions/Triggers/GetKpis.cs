using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonaSpark.Api;
using MonaSpark.Application.Queries;

namespace MonaSpark.Functions.Triggers;

/// <summary><c>GET /api/kpis</c>, as on the local host.</summary>
public sealed class GetKpis(KpiQuery kpis)
{
    [Function(nameof(GetKpis))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kpis")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await KpisEndpoint.GetAsync(kpis, cancellationToken));
}

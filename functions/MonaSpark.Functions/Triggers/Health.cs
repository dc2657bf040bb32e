using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonaSpark.Api;
using MonaSpark.Application.Ports;

namespace MonaSpark.Functions.Triggers;

/// <summary><c>GET /healthz</c>, as on the local host: 200 when the journal answers, 503 otherwise.</summary>
public sealed class Health(IJournal journal)
{
    [Function(nameof(Health))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "healthz")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await HealthEndpoint.GetAsync(journal, cancellationToken));
}

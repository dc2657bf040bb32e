using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonaSpark.Api;
using MonaSpark.Application.Queries;

namespace MonaSpark.Functions.Triggers;

/// <summary><c>GET /api/leads?top=N</c>, as on the local host.</summary>
public sealed class GetLeads(LeadQueries leads)
{
    [Function(nameof(GetLeads))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/leads")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultActionResult(await LeadsEndpoint.GetAsync(request.Query["top"], leads, cancellationToken));
    }
}

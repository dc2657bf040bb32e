using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonaSpark.Api;
using MonaSpark.Application.Landing;
using MonaSpark.Application.Lookalikes;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Queries;

namespace MonaSpark.Functions.Triggers;

/// <summary><c>GET /dashboard</c>, as on the local host.</summary>
public sealed class Dashboard(LeadQueries leads, KpiQuery kpis, ModelsQuery models, LookalikeQuery lookalikes, IOutreachMessageStore outbox, LandingPages landing, TimeProvider time)
{
    [Function(nameof(Dashboard))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultActionResult(await DashboardEndpoint.GetAsync(request.HttpContext, leads, kpis, models, lookalikes, outbox, landing, time, cancellationToken));
    }
}

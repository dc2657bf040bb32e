using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonaSpark.Api;
using MonaSpark.Application.Ingestion;
using MonaSpark.Application.Ports;

namespace MonaSpark.Functions.Triggers;

/// <summary><c>POST /api/ingest</c>, as on the local host; the Functions host checks the function key before the code runs.</summary>
public sealed class Ingest(SourceSync sync, IEnumerable<ISourceConnector> connectors)
{
    [Function(nameof(Ingest))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/ingest")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await IngestEndpoint.PostAsync(request, sync, connectors, cancellationToken));
}

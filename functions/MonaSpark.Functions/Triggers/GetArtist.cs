using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonaSpark.Api;
using MonaSpark.Application.Landing;
using MonaSpark.Application.Ports;

namespace MonaSpark.Functions.Triggers;

/// <summary><c>GET /api/artists/{id}</c>, as on the local host.</summary>
public sealed class GetArtist(IArtistStore artists, ILeadStore leads, LandingPages landing, TimeProvider time)
{
    [Function(nameof(GetArtist))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/artists/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await ArtistEndpoint.GetAsync(id, artists, leads, landing, time, cancellationToken));
}

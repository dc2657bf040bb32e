using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using MonaSpark.Api;
using MonaSpark.Application.Landing;
using MonaSpark.Application.Outreach;

namespace MonaSpark.Functions.Triggers;

/// <summary><c>GET /l/{token}</c> and its view beacon <c>GET /l/{token}/v</c>, as on the local host (anonymous: the signed token is the capability; Front Door caches the page).</summary>
public sealed class Landing(LandingPages pages, LinkTokens links, IOptions<LandingOptions> options)
{
    [Function("LandingPage")]
    public async Task<IActionResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "l/{token}")] HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultActionResult(await LandingEndpoint.GetAsync(token, request.HttpContext, pages, links, options, cancellationToken));
    }

    [Function("LandingView")]
    public async Task<IActionResult> ViewAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "l/{token}/v")] HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultActionResult(await LandingEndpoint.ViewAsync(token, request.HttpContext, pages, cancellationToken));
    }
}

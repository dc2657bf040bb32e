using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using MonaSpark.Api;
using MonaSpark.Application.Landing;
using MonaSpark.Application.Options;
using MonaSpark.Application.Outreach;

namespace MonaSpark.Functions.Triggers;

/// <summary><c>GET /l/{token}</c>, its view beacon <c>GET /l/{token}/v</c> and the onboarding form <c>GET, POST /l/{token}/form</c>, as on the local host (anonymous: the signed token is the capability; Front Door caches the page).</summary>
public sealed class Landing(LandingPages pages, OnboardingForms forms, LinkTokens links, IOptions<LandingOptions> options, IOptions<CopywritingOptions> copy)
{
    [Function("OnboardingFormPage")]
    public async Task<IActionResult> FormAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "l/{token}/form")] HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultActionResult(await OnboardingFormEndpoint.GetAsync(token, request.HttpContext, forms, links, cancellationToken));
    }

    [Function("OnboardingFormAnswer")]
    public async Task<IActionResult> AnswerAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "l/{token}/form")] HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultActionResult(await OnboardingFormEndpoint.PostAsync(token, request.HttpContext, forms, links, copy, cancellationToken));
    }

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

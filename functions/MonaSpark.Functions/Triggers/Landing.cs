using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using MonaSpark.Api;
using MonaSpark.Application.Landing;
using MonaSpark.Application.Options;
using MonaSpark.Application.Outreach;

namespace MonaSpark.Functions.Triggers;

/// <summary><c>GET /l/{token}</c>, its view beacon <c>GET /l/{token}/v</c>, the onboarding form <c>GET, POST /l/{token}/form</c> with its push opt-in <c>POST /l/{token}/push</c>, and the static assets <c>GET /assets/{file}</c> and <c>/sw.js</c>, as on the local host (anonymous: the signed token is the capability; Front Door caches the page).</summary>
public sealed class Landing(LandingPages pages, OnboardingForms forms, PushOptIns pushOptIns, LinkTokens links, IOptions<LandingOptions> options, IOptions<CopywritingOptions> copy)
{
    [Function("OnboardingPushOptIn")]
    public async Task<IActionResult> PushAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "l/{token}/push")] HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultActionResult(await OnboardingFormEndpoint.PushAsync(token, request.HttpContext, pushOptIns, links, copy, cancellationToken));
    }

    [Function("StaticAsset")]
    public static IActionResult Asset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets/{file}")] HttpRequest request, string file)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultActionResult(StaticAssetEndpoint.GetAsset(file, request.HttpContext));
    }

    [Function("ServiceWorker")]
    public static IActionResult Worker([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sw.js")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultActionResult(StaticAssetEndpoint.GetWorker(request.HttpContext));
    }

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

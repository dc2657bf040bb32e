using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using MonaSpark.Api;
using MonaSpark.Application.Options;
using MonaSpark.Application.Portal;

namespace MonaSpark.Functions.Triggers;

/// <summary>
/// The customer portal (<c>/portal</c>: sign-in, account, plan change, erasure request, export, live
/// events), as on the local host (anonymous: the signed link and session cookie are the capability).
/// The events stream through the ASP.NET Core integration's <see cref="HttpResponse"/>.
/// </summary>
public sealed class Portal(PortalSignIn signIn, PortalTokens tokens, CustomerPortal portal, IOptions<CopywritingOptions> copy, IOptions<PortalOptions> options, TimeProvider time)
{
    [Function("PortalPage")]
    public async Task<IActionResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal")] HttpRequest request, CancellationToken cancellationToken) =>
        new ResultActionResult(await PortalEndpoint.GetAsync(Context(request), signIn, portal, cancellationToken));

    [Function("PortalSignIn")]
    public async Task<IActionResult> SignInAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/sign-in")] HttpRequest request, CancellationToken cancellationToken) =>
        new ResultActionResult(await PortalEndpoint.SignInAsync(Context(request), signIn, copy, cancellationToken));

    [Function("PortalEnterPage")]
    public IActionResult Enter([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/enter")] HttpRequest request) =>
        new ResultActionResult(PortalEndpoint.Enter(Context(request), signIn, tokens));

    [Function("PortalEnter")]
    public async Task<IActionResult> EnterAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/enter")] HttpRequest request, CancellationToken cancellationToken) =>
        new ResultActionResult(await PortalEndpoint.EnterAsync(Context(request), signIn, tokens, copy, cancellationToken));

    [Function("PortalSignOut")]
    public async Task<IActionResult> SignOutAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/sign-out")] HttpRequest request, CancellationToken cancellationToken) =>
        new ResultActionResult(await PortalEndpoint.SignOutAsync(Context(request), signIn, tokens, copy, cancellationToken));

    [Function("PortalChangePlan")]
    public async Task<IActionResult> ChangePlanAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/plan")] HttpRequest request, CancellationToken cancellationToken) =>
        new ResultActionResult(await PortalAccountEndpoint.ChangePlanAsync(Context(request), signIn, tokens, portal, copy, cancellationToken));

    [Function("PortalErasure")]
    public async Task<IActionResult> ErasureAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/erasure")] HttpRequest request, CancellationToken cancellationToken) =>
        new ResultActionResult(await PortalAccountEndpoint.RequestErasureAsync(Context(request), signIn, tokens, portal, copy, cancellationToken));

    [Function("PortalExport")]
    public async Task<IActionResult> ExportAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/export")] HttpRequest request, CancellationToken cancellationToken) =>
        new ResultActionResult(await PortalAccountEndpoint.ExportAsync(Context(request), signIn, portal, cancellationToken));

    [Function("PortalEvents")]
    public IActionResult Events([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/events")] HttpRequest request) =>
        new ResultActionResult(PortalAccountEndpoint.Events(Context(request), signIn, portal, options, time));

    private static HttpContext Context(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext;
    }
}

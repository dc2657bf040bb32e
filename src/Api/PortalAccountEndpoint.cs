using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Portal;
using MonaSpark.Domain.Artists;
using MonaSpark.Edge.Portal;

namespace MonaSpark.Api;

/// <summary>
/// The signed-in customer's actions: <c>POST /portal/plan</c> (a plan change), <c>POST /portal/erasure</c>
/// (an erasure request, with a confirmation box), <c>GET /portal/export</c> (everything held, as a JSON
/// download) and <c>GET /portal/events</c> (server-sent events when the account changes). A POST answers
/// with a 303 back to the portal; 401 without a session, 403 for a forgery, 400 for bad input.
/// </summary>
public static class PortalAccountEndpoint
{
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> ChangePlanAsync(HttpContext context, PortalSignIn signIn, PortalTokens tokens, CustomerPortal portal, IOptions<CopywritingOptions> copy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var (refusal, artist, form) = await PortalEndpoint.SignedInFormAsync(context, signIn, tokens, copy, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        return await portal.ChangePlanAsync(artist, form!["plan"], cancellationToken)
            ? Back(context, "plan")
            : Problems.BadRequest("Not a plan", "Choose one of the plans offered.");
    }

    public static async Task<IResult> RequestErasureAsync(HttpContext context, PortalSignIn signIn, PortalTokens tokens, CustomerPortal portal, IOptions<CopywritingOptions> copy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var (refusal, artist, form) = await PortalEndpoint.SignedInFormAsync(context, signIn, tokens, copy, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (form!["confirm"] != "yes")
        {
            return Problems.BadRequest("Not confirmed", "Tick the box to confirm the erasure request.");
        }

        await portal.RequestErasureAsync(artist, cancellationToken);
        return Back(context, "erasure");
    }

    public static async Task<IResult> ExportAsync(HttpContext context, PortalSignIn signIn, CustomerPortal portal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(portal);
        context.Response.Headers.CacheControl = "no-store";
        if (signIn.SignedIn(context.Request.Cookies[PortalEndpoint.CookieName]) is not { } artist)
        {
            return PortalEndpoint.NotSignedIn();
        }

        if (await portal.ExportAsync(artist, cancellationToken) is not { } json)
        {
            return Problems.NotFound("Gone", "There is no data about this account any more.");
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(json, "application/json", "monaspark-export.json");
    }

    public static IResult Events(HttpContext context, PortalSignIn signIn, CustomerPortal portal, IOptions<PortalOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(signIn);
        context.Response.Headers.CacheControl = "no-store";
        var session = context.Request.Cookies[PortalEndpoint.CookieName];
        return signIn.SignedIn(session) is { } artist
            ? new AccountEvents(artist, session!, portal, options.Value, time)
            : PortalEndpoint.NotSignedIn();
    }

    private static SeeOther Back(HttpContext context, string done)
    {
        context.Response.Headers.CacheControl = "no-store";
        return new SeeOther("/portal?done=" + done);
    }

    /// <summary>
    /// The event stream: reads the account's fingerprint every <see cref="PortalOptions.LivePollInterval"/>
    /// (two point reads), sends <c>event: account</c> with the status when it changes (and once at the
    /// start), a comment every <see cref="PortalOptions.LiveHeartbeat"/>, and ends when the client goes.
    /// </summary>
    private sealed class AccountEvents(ArtistId artist, string session, CustomerPortal portal, PortalOptions options, TimeProvider time) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            var aborted = httpContext.RequestAborted;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-store";
            response.Headers["X-Accel-Buffering"] = "no";
            string? last = null;
            var beat = time.GetUtcNow();
            try
            {
                await response.WriteAsync("retry: 5000\n\n", aborted);
                await response.Body.FlushAsync(aborted);
                while (!aborted.IsCancellationRequested)
                {
                    var fingerprint = await portal.FingerprintAsync(artist, aborted);
                    if (fingerprint != last && await portal.LoadAsync(artist, session, aborted) is { } view)
                    {
                        last = fingerprint;
                        var data = JsonSerializer.Serialize(new { status = PortalPage.StatusText(view), onboarding = view.Onboarding.State, subscription = view.Subscription.Status, invoices = view.Invoices.Count }, EventJson);
                        await response.WriteAsync("event: account\ndata: " + data + "\n\n", aborted);
                        await response.Body.FlushAsync(aborted);
                        beat = time.GetUtcNow();
                    }
                    else if (time.GetUtcNow() - beat >= options.LiveHeartbeat)
                    {
                        await response.WriteAsync(": heartbeat\n\n", aborted);
                        await response.Body.FlushAsync(aborted);
                        beat = time.GetUtcNow();
                    }

                    await Task.Delay(options.LivePollInterval, time, aborted);
                }
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                // The client went away: the stream ends.
            }
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Landing;
using MonaSpark.Application.Options;
using MonaSpark.Application.Outreach;
using MonaSpark.Edge.Landing;

namespace MonaSpark.Api;

/// <summary>
/// <c>GET, POST /l/{token}/form</c>: the onboarding form, one question per page. A POST is checked
/// against cross-site forgery three ways before anything is read (a browser's <c>Sec-Fetch-Site</c> must
/// be same-origin, an <c>Origin</c> must be ours, and the form's <c>csrf</c> field must be the token
/// derived from the link under the signing key), then answered with a 303 to the form (POST-redirect-GET)
/// or, when the answer is refused, the same question with the reason beside the field (400). The pages
/// are personal: never cached. The same handlers run on both hosts.
/// </summary>
public static class OnboardingFormEndpoint
{
    public static async Task<IResult> GetAsync(string token, HttpContext context, OnboardingForms forms, LinkTokens links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(links);
        return Page(context, await forms.GetAsync(token, cancellationToken), links);
    }

    public static async Task<IResult> PostAsync(string token, HttpContext context, OnboardingForms forms, LinkTokens links, IOptions<CopywritingOptions> copy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(copy);
        var request = context.Request;
        if (!RequestOrigin.IsSameOrigin(request, copy.Value.PublicBaseUrl))
        {
            return Problems.Forbidden("Cross-site request refused", "The form can only be sent from its own page.");
        }

        if (!request.HasFormContentType)
        {
            return Problems.BadRequest("Not a form", "The onboarding form is sent as an HTML form.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (!CsrfMatches(links, token, form["csrf"].ToString()))
        {
            return Problems.Forbidden("Cross-site request refused", "The form's security token is missing or does not match: reload the page and try again.");
        }

        var view = await forms.AnswerAsync(token, form["question"], form["answer"], back: form["back"] == "1", answerId: form["op"], cancellationToken);
        if (view.Status != LandingStatus.Ready || view.Step?.Error is not null)
        {
            return Page(context, view, links);
        }

        context.Response.Headers.CacheControl = "no-store";
        return new SeeOther($"/l/{Uri.EscapeDataString(token!)}/form");
    }

    /// <summary>True when <paramref name="sent"/> is the token derived from the link (compared in constant time).</summary>
    private static bool CsrfMatches(LinkTokens links, string? token, string sent) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(links.Derive("csrf", token ?? string.Empty)), Encoding.ASCII.GetBytes(sent));

    /// <summary>
    /// <c>POST /l/{token}/push</c>, JSON <c>{"csrf":…,"subscription":{…}}</c>: after signup, the browser's push
    /// subscription becomes the artist's web push contact, with their consent. 204 when taken (or already
    /// theirs), 400 for a body that is not one, 403 for a forgery, 404/410 for a link that is not ours or
    /// expired, 409 before signup is complete or when push is not offered.
    /// </summary>
    public static async Task<IResult> PushAsync(string token, HttpContext context, PushOptIns optIns, LinkTokens links, IOptions<CopywritingOptions> copy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(optIns);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(copy);
        var request = context.Request;
        context.Response.Headers.CacheControl = "no-store";
        if (!RequestOrigin.IsSameOrigin(request, copy.Value.PublicBaseUrl))
        {
            return Problems.Forbidden("Cross-site request refused", "Notifications can only be turned on from the form's own page.");
        }

        if (!request.HasJsonContentType() || request.ContentLength is > PushOptIns.MaxSubscriptionLength * 2)
        {
            return Problems.BadRequest("Not a subscription", $"Send JSON {{\"csrf\":…,\"subscription\":{{…}}}} of at most {PushOptIns.MaxSubscriptionLength * 2} bytes.");
        }

        // Read at most the limit (a body without a length is cut there, not buffered whole).
        var limit = PushOptIns.MaxSubscriptionLength * 2;
        var buffer = new byte[limit + 1];
        var read = 0;
        int got;
        while (read < buffer.Length && (got = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += got;
        }

        JsonNode? body;
        try
        {
            using var json = new MemoryStream(buffer, 0, Math.Min(read, limit));
            body = read > limit ? null : JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            body = null;
        }

        var csrf = body is JsonObject o && o["csrf"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;
        if (!CsrfMatches(links, token, csrf))
        {
            return Problems.Forbidden("Cross-site request refused", "The security token is missing or does not match: reload the page and try again.");
        }

        var status = await optIns.SubscribeAsync(token, body?["subscription"]?.ToJsonString(), cancellationToken);
        return status switch
        {
            PushOptInStatus.Subscribed or PushOptInStatus.AlreadySubscribed => Results.NoContent(),
            PushOptInStatus.Invalid => Problems.BadRequest("Not a subscription", "The subscription needs an https endpoint and its p256dh and auth keys."),
            PushOptInStatus.NotFound => Problems.NotFound("Unknown link", "This link is not one of ours."),
            PushOptInStatus.Expired => Results.Problem(title: "Expired link", detail: "This link has expired.", statusCode: StatusCodes.Status410Gone),
            _ => Results.Problem(title: "Not offered", detail: status == PushOptInStatus.TooEarly ? "Notifications are offered once the sign-up is complete." : "Notifications are not offered here.", statusCode: StatusCodes.Status409Conflict),
        };
    }

    private static IResult Page(HttpContext context, OnboardingView view, LinkTokens links)
    {
        var nonce = PageHeaders.NewNonce();
        PageHeaders.Apply(context, nonce, script: view.Status == LandingStatus.Ready);
        if (view.Status != LandingStatus.Ready)
        {
            return Results.Content(LandingPage.RenderUnavailable(view.Status, nonce), "text/html; charset=utf-8",
                statusCode: view.Status == LandingStatus.Expired ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound);
        }

        var html = OnboardingFormPage.Render(view, links.Derive("csrf", view.Token), nonce);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: view.Step?.Error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}

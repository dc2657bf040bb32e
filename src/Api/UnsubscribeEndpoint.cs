using Microsoft.AspNetCore.Http;
using MonaSpark.Application.Outreach;
using MonaSpark.Edge.Unsubscribe;

namespace MonaSpark.Api;

/// <summary>
/// <c>GET /u/{token}</c> shows the unsubscribe page; <c>POST /u/{token}</c> takes the RFC 8058 one-click
/// request (<c>List-Unsubscribe=One-Click</c>, from a mail client or the page's button) without cookies,
/// login or a CSRF token: the signed token is the capability, and unsubscribing is all it can do. An
/// unknown token gets a friendly page with 404. The same handlers run on both hosts.
/// </summary>
public static class UnsubscribeEndpoint
{
    public static IResult Get(string token, HttpContext context, Unsubscribe unsubscribe)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(unsubscribe);
        var state = unsubscribe.Read(token).Authentic ? UnsubscribeState.Confirm : UnsubscribeState.Unknown;
        return Page(context, state, token);
    }

    public static async Task<IResult> PostAsync(string token, HttpContext context, Unsubscribe unsubscribe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(unsubscribe);
        var request = context.Request;
        if (!request.HasFormContentType)
        {
            return Problems.BadRequest("Not an unsubscribe request", "An unsubscribe request is a form carrying List-Unsubscribe=One-Click (RFC 8058).");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (form["List-Unsubscribe"] != "One-Click")
        {
            return Problems.BadRequest("Not an unsubscribe request", "An unsubscribe request carries List-Unsubscribe=One-Click (RFC 8058).");
        }

        var fromPage = form["from"] == "page";

        var reading = await unsubscribe.UnsubscribeAsync(token, fromPage ? Unsubscribe.ViaPage : Unsubscribe.ViaOneClick, cancellationToken);
        return Page(context, reading.Authentic ? UnsubscribeState.Done : UnsubscribeState.Unknown, token);
    }

    private static IResult Page(HttpContext context, UnsubscribeState state, string token)
    {
        var nonce = PageHeaders.NewNonce();
        PageHeaders.Apply(context, nonce, images: null);
        var html = UnsubscribePage.Render(state, token, nonce);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: state == UnsubscribeState.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }
}

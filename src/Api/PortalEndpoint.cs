using System.Security.Cryptography;
using System.Text;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Portal;
using MonaSpark.Domain.Artists;
using MonaSpark.Edge.Portal;

namespace MonaSpark.Api;

/// <summary>
/// The customer portal's sign-in: <c>GET /portal</c> (the account when signed in, else the address
/// form), <c>POST /portal/sign-in</c> (the same answer whatever the address), <c>GET /portal/enter</c>
/// (a confirm button: opening a link signs nobody in) and <c>POST /portal/enter</c> (uses the link once
/// and sets the session cookie), <c>POST /portal/sign-out</c>. Every POST is checked against forgery
/// (<see cref="RequestOrigin"/>, and a <c>csrf</c> field derived from the link or the session); every
/// page is <c>no-store</c> under a strict CSP. The same handlers run on both hosts.
/// </summary>
public static class PortalEndpoint
{
    /// <summary>The session cookie: HttpOnly, SameSite=Strict, Path=/portal, Secure but on plain http to loopback.</summary>
    public const string CookieName = "monaspark-portal";

    public static async Task<IResult> GetAsync(HttpContext context, PortalSignIn signIn, CustomerPortal portal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(portal);
        var nonce = PageHeaders.NewNonce();
        var session = context.Request.Cookies[CookieName];
        if (signIn.SignedIn(session) is { } artist && await portal.LoadAsync(artist, session!, cancellationToken) is { } view)
        {
            PageHeaders.Apply(context, nonce, script: true);
            return Html(PortalPage.Render(view, nonce, context.Request.Query["done"]));
        }

        PageHeaders.Apply(context, nonce);
        return Html(PortalSignInPage.Render(context.Request.Query.ContainsKey("signed-out") ? SignInPageState.SignedOut : SignInPageState.Ask, nonce));
    }

    public static async Task<IResult> SignInAsync(HttpContext context, PortalSignIn signIn, IOptions<CopywritingOptions> copy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(copy);
        context.Response.Headers.CacheControl = "no-store";
        if (await FormAsync(context, copy, cancellationToken) is not { } form)
        {
            return Refused(context, copy);
        }

        var address = form["email"].ToString();
        if (!PortalSignIn.IsAddress(address))
        {
            return Problems.BadRequest("Not an e-mail address", "Enter the e-mail address you gave us, like name@example.com.");
        }

        await signIn.RequestLinkAsync(address, cancellationToken);
        var nonce = PageHeaders.NewNonce();
        PageHeaders.Apply(context, nonce);
        return Html(PortalSignInPage.Render(SignInPageState.Sent, nonce));
    }

    public static IResult Enter(HttpContext context, PortalSignIn signIn, PortalTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(tokens);
        var token = context.Request.Query["t"].ToString();
        return EnterPage(context, signIn.Check(token), token, tokens);
    }

    public static async Task<IResult> EnterAsync(HttpContext context, PortalSignIn signIn, PortalTokens tokens, IOptions<CopywritingOptions> copy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(copy);
        context.Response.Headers.CacheControl = "no-store";
        if (await FormAsync(context, copy, cancellationToken) is not { } form)
        {
            return Refused(context, copy);
        }

        var token = form["t"].ToString();
        if (!Matches(tokens.EnterCsrf(token), form["csrf"]))
        {
            return Problems.Forbidden("Cross-site request refused", "The sign-in form's security token is missing or does not match: open the link again.");
        }

        var (state, session, expiresAt) = await signIn.EnterAsync(token, cancellationToken);
        if (state != LinkState.Valid)
        {
            return EnterPage(context, state, token, tokens);
        }

        context.Response.Cookies.Append(CookieName, session!, Cookie(context, expiresAt));
        context.Response.Headers.CacheControl = "no-store";
        return new SeeOther("/portal");
    }

    public static async Task<IResult> SignOutAsync(HttpContext context, PortalSignIn signIn, PortalTokens tokens, IOptions<CopywritingOptions> copy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(tokens);
        if (await SignedInFormAsync(context, signIn, tokens, copy, cancellationToken) is { Refusal: { } refusal })
        {
            return refusal;
        }

        context.Response.Cookies.Delete(CookieName, Cookie(context, DateTimeOffset.UnixEpoch));
        context.Response.Headers.CacheControl = "no-store";
        return new SeeOther("/portal?signed-out=1");
    }

    /// <summary>
    /// The form of a signed-in POST: refused (401 without a session, 403 for a forgery, 400 for a body
    /// that is not a form) or the artist and the form.
    /// </summary>
    internal static async Task<(IResult? Refusal, ArtistId Artist, IFormCollection? Form)> SignedInFormAsync(
        HttpContext context, PortalSignIn signIn, PortalTokens tokens, IOptions<CopywritingOptions> copy, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        var session = context.Request.Cookies[CookieName];
        if (signIn.SignedIn(session) is not { } artist)
        {
            return (NotSignedIn(), default, null);
        }

        if (await FormAsync(context, copy, cancellationToken) is not { } form)
        {
            return (Refused(context, copy), default, null);
        }

        return Matches(tokens.Csrf(session!), form["csrf"])
            ? (null, artist, form)
            : (Problems.Forbidden("Cross-site request refused", "The form's security token is missing or does not match: reload the page and try again."), default, null);
    }

    internal static IResult NotSignedIn() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in", detail: "Sign in at /portal first.");

    internal static IResult Html(string html, int status = StatusCodes.Status200OK) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    /// <summary>The form of a same-origin POST; null when the origin is foreign or the body is not a form (<see cref="Refused"/> says which).</summary>
    private static async Task<IFormCollection?> FormAsync(HttpContext context, IOptions<CopywritingOptions> copy, CancellationToken cancellationToken)
    {
        var request = context.Request;
        return RequestOrigin.IsSameOrigin(request, copy.Value.PublicBaseUrl) && request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
    }

    private static IResult Refused(HttpContext context, IOptions<CopywritingOptions> copy) =>
        !RequestOrigin.IsSameOrigin(context.Request, copy.Value.PublicBaseUrl)
            ? Problems.Forbidden("Cross-site request refused", "The portal's forms can only be sent from its own pages.")
            : Problems.BadRequest("Not a form", "The portal's forms are sent as HTML forms.");

    private static IResult EnterPage(HttpContext context, LinkState state, string token, PortalTokens tokens)
    {
        var nonce = PageHeaders.NewNonce();
        PageHeaders.Apply(context, nonce);
        var status = state switch
        {
            LinkState.Valid => StatusCodes.Status200OK,
            LinkState.Invalid => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status410Gone,
        };
        return Html(PortalSignInPage.RenderEnter(state, token, tokens.EnterCsrf(token), nonce), status);
    }

    private static bool Matches(string expected, string? sent) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(sent ?? string.Empty));

    private static CookieOptions Cookie(HttpContext context, DateTimeOffset expiresAt)
    {
        var request = context.Request;
        var loopbackHttp = !request.IsHttps && (context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip));
        return new CookieOptions
        {
            HttpOnly = true,
            Secure = !loopbackHttp,
            SameSite = SameSiteMode.Strict,
            Path = "/portal",
            Expires = expiresAt,
            IsEssential = true,
        };
    }
}

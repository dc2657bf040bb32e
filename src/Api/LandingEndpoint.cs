using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Landing;
using MonaSpark.Application.Outreach;
using MonaSpark.Edge.Landing;

namespace MonaSpark.Api;

/// <summary>
/// <c>GET /l/{token}</c>: the artist's landing page, cacheable at the edge (<c>public, s-maxage,
/// stale-while-revalidate</c>; the browser revalidates every time, with the ETag, and gets a 304 when
/// nothing changed). The page is the same for every visitor (its language follows the artist's
/// market), so the CSP nonce is derived from its content and stays in step with a cached body.
/// <c>GET /l/{token}/v</c> is the uncached view beacon. An invalid link gets a friendly 404 page, an
/// expired one a 410. The same handlers run on both hosts.
/// </summary>
public static class LandingEndpoint
{
    /// <summary>1×1 transparent GIF.</summary>
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static async Task<IResult> GetAsync(string token, HttpContext context, LandingPages pages, LinkTokens links, IOptions<LandingOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(options);
        var load = await pages.LoadAsync(token, cancellationToken);
        var headers = context.Response.Headers;
        if (load is not { Status: LandingStatus.Ready, Content: { } content })
        {
            var unavailableNonce = links.Derive("csp", load.Status.ToString());
            PageHeaders.Apply(context, unavailableNonce, "'self' https:", "public, max-age=60, s-maxage=300");
            return Results.Content(
                LandingPage.RenderUnavailable(load.Status, unavailableNonce),
                "text/html; charset=utf-8",
                statusCode: load.Status == LandingStatus.Expired ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound);
        }

        var settings = options.Value;
        var etag = $"\"{content.Version}\"";
        var nonce = links.Derive("csp", content.Version);
        PageHeaders.Apply(context, nonce, "'self' https:", cacheControl: null);
        headers.CacheControl = $"public, max-age=0, must-revalidate, s-maxage={(int)settings.EdgeFor.TotalSeconds}, stale-while-revalidate={(int)settings.StaleFor.TotalSeconds}";
        headers.ETag = etag;
        headers.Vary = "Accept-Encoding";
        if (Matches(context.Request.Headers.IfNoneMatch, etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Content(LandingPage.Render(content, nonce), "text/html; charset=utf-8");
    }

    /// <summary><c>GET /l/{token}/v</c>: counts a view (at most once per artist per a few minutes) and answers a pixel that is never cached.</summary>
    public static async Task<IResult> ViewAsync(string token, HttpContext context, LandingPages pages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pages);
        var (status, _) = await pages.RecordViewAsync(token, context.Request.Query["variant"], cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return status == LandingStatus.Ready
            ? Results.Bytes(Pixel, "image/gif")
            : Results.StatusCode(status == LandingStatus.Expired ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound);
    }

    /// <summary>True when <c>If-None-Match</c> names <paramref name="etag"/> (strong or weak) or is <c>*</c>.</summary>
    internal static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        foreach (var value in ifNoneMatch)
        {
            foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == "*" || part == etag || part == "W/" + etag)
                {
                    return true;
                }
            }
        }

        return false;
    }
}

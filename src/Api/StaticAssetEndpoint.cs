using Microsoft.AspNetCore.Http;
using MonaSpark.Edge.Assets;

namespace MonaSpark.Api;

/// <summary>
/// The pages' static assets (<see cref="StaticAssets"/>), the same on both hosts:
/// <c>GET /assets/{name}.{hash}.{ext}</c> cached a year as immutable (any other name is a 404, so an old
/// page never gets a new script under an old name), and <c>GET /sw.js</c>, the service worker,
/// revalidated on every use. Both are precompressed (brotli, gzip), carry an ETag and answer 304.
/// </summary>
public static class StaticAssetEndpoint
{
    public static IResult GetAsset(string file, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (StaticAssets.Find("/assets/" + file) is not { } asset)
        {
            context.Response.Headers.CacheControl = "public, max-age=60";
            return Problems.NotFound("No such asset", "Assets are served under the name of their current content.");
        }

        return Serve(context, asset, StaticAssets.ImmutableCacheControl);
    }

    public static IResult GetWorker(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Serve(context, StaticAssets.Worker, StaticAssets.WorkerCacheControl);
    }

    private static IResult Serve(HttpContext context, StaticAsset asset, string cacheControl)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = cacheControl;
        headers.ETag = asset.ETag;
        headers.Vary = "Accept-Encoding";
        headers.XContentTypeOptions = "nosniff";
        if (LandingEndpoint.Matches(context.Request.Headers.IfNoneMatch, asset.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var (body, encoding) = asset.For(context.Request.Headers.AcceptEncoding);
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        return Results.Bytes(body, asset.ContentType);
    }
}

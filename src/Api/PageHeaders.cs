using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace MonaSpark.Api;

/// <summary>
/// The headers of every server-rendered page: a CSP that allows only the page's own nonce-bearing
/// style (and, on pages with the enhancing script, its nonce-bearing script, which may call back to
/// this origin and install the service worker), no sniffing, no referrer, no framing.
/// </summary>
internal static class PageHeaders
{
    /// <summary>A fresh nonce for a page that is never cached.</summary>
    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    /// <param name="images">The CSP image sources: <c>'self'</c>, or <c>'self' https:</c> for pages showing artists' images; null: none.</param>
    /// <param name="cacheControl">Null leaves Cache-Control to the caller.</param>
    /// <param name="script">True for a page with a script of its own (under the same nonce): it may connect back to this origin (the form's answers, the portal's live updates), register the service worker and link the manifest.</param>
    public static void Apply(HttpContext context, string nonce, string? images = "'self'", string? cacheControl = "no-store", bool script = false)
    {
        var headers = context.Response.Headers;
        var img = images is null ? string.Empty : $" img-src {images};";
        var js = script ? $" script-src 'nonce-{nonce}'; connect-src 'self'; worker-src 'self'; manifest-src 'self';" : string.Empty;
        headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'nonce-{nonce}';{js}{img} base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (cacheControl is not null)
        {
            headers.CacheControl = cacheControl;
        }
    }
}

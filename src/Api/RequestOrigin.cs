using Microsoft.AspNetCore.Http;

namespace MonaSpark.Api;

/// <summary>Forgery checks shared by the pages' forms (onboarding form, portal).</summary>
internal static class RequestOrigin
{
    /// <summary>
    /// A browser says where a request comes from: <c>Sec-Fetch-Site</c> (same-origin, or none when the
    /// person typed or bookmarked it) and <c>Origin</c> (ours: the public origin, or this host; <c>null</c>
    /// under our no-referrer policy, when Sec-Fetch-Site must say same-origin).
    /// </summary>
    public static bool IsSameOrigin(HttpRequest request, Uri publicBase)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        if (origin == "null")
        {
            // Our pages send no referrer, so a browser posts their forms with `Origin: null`: then its
            // Sec-Fetch-Site must vouch for the origin.
            return site == "same-origin";
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var from))
        {
            return false;
        }

        var own = $"{request.Scheme}://{request.Host}";
        return string.Equals(from.GetLeftPart(UriPartial.Authority), publicBase.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)
            || string.Equals(from.GetLeftPart(UriPartial.Authority), own, StringComparison.OrdinalIgnoreCase);
    }
}

using AngleSharp.Dom;

namespace MonaSpark.Adapters.Scraping.Extraction;

public static partial class PageExtractor
{
    /// <summary>The platform of a profile URL by its host, or null for any other site.</summary>
    public static string? PlatformOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.IdnHost.ToLowerInvariant();
        return host switch
        {
            "open.spotify.com" => "spotify",
            "youtube.com" or "www.youtube.com" or "m.youtube.com" or "music.youtube.com" or "youtu.be" => "youtube",
            "soundcloud.com" or "www.soundcloud.com" or "m.soundcloud.com" => "soundcloud",
            "instagram.com" or "www.instagram.com" => "instagram",
            "tiktok.com" or "www.tiktok.com" => "tiktok",
            // An artist's Bandcamp is its subdomain; bandcamp.com itself (tags, discover) is no profile.
            _ when host.EndsWith(".bandcamp.com", StringComparison.Ordinal) && host != "www.bandcamp.com" => "bandcamp",
            _ => null,
        };
    }

    private static IReadOnlyList<WebLink> Links(IDocument document, Uri pageUrl, JsonLd.Artist? artist)
    {
        var hrefs = document.QuerySelectorAll("a[href], link[rel~=me][href]")
            .Select(a => a.GetAttribute("href"))
            .Concat(artist?.SameAs ?? []);
        var links = new List<WebLink>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var href in hrefs)
        {
            if (string.IsNullOrWhiteSpace(href) || href.Length > 2048 || !Uri.TryCreate(pageUrl, href.Trim(), out var url)
                || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(url.UserInfo))
            {
                continue;
            }

            var platform = PlatformOf(url);
            if (platform is null || (url.AbsolutePath.Length <= 1 && platform != "bandcamp"))
            {
                continue;
            }

            // Fragments and tracking queries are noise; the profile is the path (youtube watch?v= keeps its query).
            var clean = new UriBuilder(url) { Fragment = string.Empty, Query = platform == "youtube" && url.AbsolutePath == "/watch" ? url.Query.TrimStart('?') : string.Empty, Port = -1 }.Uri.AbsoluteUri;
            if (seen.Add(clean.TrimEnd('/')))
            {
                links.Add(new WebLink(platform, clean));
            }

            if (links.Count == MaxLinks)
            {
                break;
            }
        }

        return links;
    }
}

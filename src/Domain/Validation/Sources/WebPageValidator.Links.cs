using System.Text.Json;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Validation.Sources;

public sealed partial class WebPageValidator
{
    private static List<ProfileLink> Links(JsonElement root, List<ValidationFailure> failures)
    {
        if (!root.TryGetProperty("links", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > MaxLinks)
        {
            failures.Add(new("$.links", "type", $"'links' must be an array of at most {MaxLinks} objects."));
            return [];
        }

        var links = new List<ProfileLink>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"$.links[{index++}]";
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("platform", out var p) || p.ValueKind != JsonValueKind.String
                || !item.TryGetProperty("url", out var u) || u.ValueKind != JsonValueKind.String)
            {
                failures.Add(new(path, "type", $"'{path}' must be an object with string 'platform' and 'url'."));
                continue;
            }

            if (!Platforms.TryGetValue(p.GetString()!, out var platform))
            {
                continue; // bandcamp, tiktok…: not tracked as profiles
            }

            var text = u.GetString()!;
            if (text.Length > 2048 || !Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps
                || !string.IsNullOrEmpty(url.UserInfo) || !url.IsDefaultPort || !platform.Hosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add(new($"{path}.url", "url", $"'{path}.url' must be an https URL on {string.Join(" or ", platform.Hosts)}."));
                continue;
            }

            if (ProfileId(platform.Kind, url) is { } id && links.All(l => l.Platform != platform.Kind || l.ExternalId != id))
            {
                links.Add(new ProfileLink(platform.Kind, id, url));
            }
        }

        return links;
    }

    /// <summary>
    /// The platform's id for the profile the URL points at: Spotify <c>/artist/{id}</c>, YouTube
    /// <c>/channel/{id}</c> or <c>/@handle</c>, SoundCloud <c>/{permalink}</c>, Instagram
    /// <c>/{username}</c>; null for anything else (a track, a video, a search page).
    /// </summary>
    internal static string? ProfileId(SourceKind platform, Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var id = platform switch
        {
            SourceKind.Spotify when segments is ["artist", var s, ..] => s,
            SourceKind.YouTube when segments is ["channel", var c, ..] => c,
            SourceKind.YouTube when segments is [var h, ..] && h.StartsWith('@') => h,
            SourceKind.SoundCloud when segments is [var s, ..] && s is not ("discover" or "search" or "tracks" or "you") => s,
            SourceKind.Instagram when segments is [var s, ..] && s is not ("p" or "reel" or "explore" or "stories") => s,
            _ => null,
        };
        return id is { Length: > 0 and <= 128 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@') ? id : null;
    }
}

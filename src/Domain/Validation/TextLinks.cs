using System.Text.RegularExpressions;

namespace MonaSpark.Domain.Validation;

/// <summary>
/// Links an artist published in free text (a channel description, a bio): each becomes a match key,
/// so a YouTube channel whose description links the artist's site or Spotify page resolves to the
/// artist who owns them. Text is data: only absolute http(s) URLs without user info are taken, few
/// and bounded, and nothing is fetched.
/// </summary>
public static partial class TextLinks
{
    public const int MaxLinks = 10;
    public const int MaxLinkLength = 512;

    public static IReadOnlyList<Uri> Extract(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var links = new List<Uri>();
        foreach (Match match in Url().Matches(text))
        {
            var candidate = match.Value.TrimEnd('.', ',', ';', ':', '!', '?');
            if (candidate.Length <= MaxLinkLength && Accept(candidate) is { } uri && !links.Contains(uri))
            {
                links.Add(uri);
                if (links.Count == MaxLinks)
                {
                    break;
                }
            }
        }

        return links;
    }

    /// <summary>The URL when it is an absolute http(s) URL without user info, else null.</summary>
    public static Uri? Accept(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.UserInfo)
            ? uri
            : null;

    [GeneratedRegex(@"https?://[^\s<>""'()\[\]{}]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1_000)]
    private static partial Regex Url();
}

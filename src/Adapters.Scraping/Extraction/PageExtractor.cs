using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace MonaSpark.Adapters.Scraping.Extraction;

/// <summary>
/// Reads what a page says about an artist, with AngleSharp, from the served HTML or the DOM a browser
/// rendered. Sources in order of trust: Open Graph, schema.org JSON-LD (MusicGroup, Person…),
/// headings and the visible text. Text inside script, style, noscript, template and hidden elements is
/// never read, so neither code nor hidden instructions reach a field.
/// </summary>
public static partial class PageExtractor
{
    public const int MaxNameLength = 200;
    public const int MaxBioLength = 4000;
    public const int MaxLocationLength = 200;
    public const int MaxGenres = 10;
    public const int MaxGenreLength = 60;
    public const int MaxLinks = 40;
    public const int MaxEmails = 5;

    private static readonly string[] TitleSeparators = [" | ", " – ", " — ", " - ", " · ", " :: "];

    public static IHtmlDocument Parse(string html) =>
        new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(html ?? string.Empty);

    public static WebPageRecord Extract(string html, Uri url, string fetchedVia) => Extract(Parse(html), url, fetchedVia);

    public static WebPageRecord Extract(IDocument document, Uri url, string fetchedVia)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(url);
        var artist = JsonLd.FindArtist(document);
        var name = StrongName(document, artist) ?? FirstSegment(Meta(document, "title") ?? document.Title);
        var bio = Meta(document, "og:description") ?? Meta(document, "description") ?? artist?.Description ?? AboutText(document);
        var (location, country) = Location(document, artist);
        return new WebPageRecord(
            url.AbsoluteUri,
            fetchedVia,
            TextClean.Clean(name, MaxNameLength),
            TextClean.Clean(bio, MaxBioLength, multiline: true),
            Links(document, url, artist),
            Emails(document, artist),
            TextClean.Clean(location, MaxLocationLength),
            country,
            Genres(document, artist));
    }

    /// <summary>A name from og:title, JSON-LD or an h1; the bare &lt;title&gt; does not count (a script shell has one too).</summary>
    internal static string? StrongName(IDocument document, JsonLd.Artist? artist)
    {
        var og = FirstSegment(BandcampArtist(document) ?? Meta(document, "og:title"));
        if (!string.IsNullOrWhiteSpace(og))
        {
            return og;
        }

        if (!string.IsNullOrWhiteSpace(artist?.Name))
        {
            return artist.Name;
        }

        var h1 = document.QuerySelectorAll("h1").Select(VisibleText).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
        return string.IsNullOrWhiteSpace(h1) ? null : h1;
    }

    /// <summary>Bandcamp titles a release page "Album, by Artist": the artist is after the last ", by ".</summary>
    private static string? BandcampArtist(IDocument document)
    {
        var title = Meta(document, "og:title");
        var i = title?.LastIndexOf(", by ", StringComparison.Ordinal) ?? -1;
        return i > 0 && string.Equals(Meta(document, "og:site_name"), "Bandcamp", StringComparison.OrdinalIgnoreCase) ? title![(i + 5)..] : null;
    }

    /// <summary>"Luna Vale | Linktree" → "Luna Vale".</summary>
    private static string? FirstSegment(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        foreach (var separator in TitleSeparators)
        {
            var i = title.IndexOf(separator, StringComparison.Ordinal);
            if (i > 0)
            {
                title = title[..i];
            }
        }

        return title.Trim();
    }

    /// <summary>A meta tag's content by <c>property</c> or <c>name</c>.</summary>
    internal static string? Meta(IDocument document, string key)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var k = meta.GetAttribute("property") ?? meta.GetAttribute("name");
            if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
            {
                var content = meta.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(content))
                {
                    return content;
                }
            }
        }

        return null;
    }

    private static string? AboutText(IDocument document)
    {
        var about = document.QuerySelector("#about, #bio, .about, .bio, [itemprop=description], section[id*=about], section[class*=about]");
        if (about is null)
        {
            return null;
        }

        // Drop the section's own heading ("About") from its text.
        var text = VisibleText(about).Trim();
        var heading = about.QuerySelector("h1, h2, h3");
        var headingText = heading is null ? null : VisibleText(heading).Trim();
        return headingText is { Length: > 0 } && text.StartsWith(headingText, StringComparison.Ordinal) ? text[headingText.Length..] : text;
    }

    private static IReadOnlyList<string> Genres(IDocument document, JsonLd.Artist? artist)
    {
        var candidates = new List<string>(artist?.Genres ?? []);
        candidates.AddRange(document.QuerySelectorAll("a.tag, a[rel~=tag], .tags a").Select(VisibleText));
        candidates.AddRange((Meta(document, "keywords") ?? string.Empty).Split(',', ';'));
        return [.. candidates
            .Select(g => TextClean.Clean(g, MaxGenreLength))
            .OfType<string>()
            .Select(g => g.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Take(MaxGenres)];
    }

    /// <summary>The text a reader sees: text nodes outside script, style, noscript, template and hidden elements.</summary>
    internal static string VisibleText(INode? node)
    {
        var sb = new StringBuilder();
        if (node is not null)
        {
            AppendVisible(node, sb, 0);
        }

        return sb.ToString();
    }

    private static void AppendVisible(INode node, StringBuilder sb, int depth)
    {
        if (depth > 256)
        {
            return;
        }

        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    sb.Append(text.Data);
                    break;
                case IElement element when !IsHidden(element):
                    var block = element.LocalName is "p" or "div" or "li" or "br" or "section" or "h1" or "h2" or "h3" or "h4" or "footer" or "header" or "article" or "tr";
                    if (block)
                    {
                        sb.Append('\n');
                    }

                    AppendVisible(element, sb, depth + 1);
                    sb.Append(block ? '\n' : ' ');
                    break;
                default:
                    break;
            }
        }
    }

    private static bool IsHidden(IElement element) =>
        element.LocalName is "script" or "style" or "noscript" or "template" or "head" or "svg" or "iframe" or "object"
        || element.HasAttribute("hidden")
        || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || (element.GetAttribute("style") is { } style && (style.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || style.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase)));
}

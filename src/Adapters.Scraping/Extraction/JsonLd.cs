using System.Text.Json;
using AngleSharp.Dom;

namespace MonaSpark.Adapters.Scraping.Extraction;

/// <summary>
/// The schema.org node describing the artist in a page's JSON-LD: the first MusicGroup,
/// PerformingGroup, Person or Organization (top level, in an array or in <c>@graph</c>). Blocks
/// larger than 64 KiB or deeper than 16 levels are ignored; malformed ones too.
/// </summary>
internal static class JsonLd
{
    private const int MaxBlockLength = 64 * 1024;
    private static readonly string[] ArtistTypes = ["MusicGroup", "PerformingGroup", "Person", "MusicArtist", "Organization"];

    public sealed record Artist(
        string? Name,
        string? Description,
        IReadOnlyList<string> Genres,
        IReadOnlyList<string> SameAs,
        string? Email,
        string? Location,
        string? Country);

    public static Artist? FindArtist(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            var text = script.TextContent;
            if (text.Length > MaxBlockLength)
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (Find(json.RootElement, 0) is { } node)
                {
                    return Read(node);
                }
            }
            catch (JsonException)
            {
                // A broken block says nothing; the rest of the page still counts.
            }
        }

        return null;
    }

    private static JsonElement? Find(JsonElement element, int depth)
    {
        if (depth > 3)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (Find(item, depth + 1) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (element.TryGetProperty("@type", out var type) && Strings(type).Any(t => ArtistTypes.Contains(t, StringComparer.OrdinalIgnoreCase)))
        {
            return element;
        }

        return element.TryGetProperty("@graph", out var graph) ? Find(graph, depth + 1) : null;
    }

    private static Artist Read(JsonElement node)
    {
        var (location, country) = Place(node);
        return new Artist(
            String(node, "name"),
            String(node, "description"),
            node.TryGetProperty("genre", out var genre) ? Strings(genre) : [],
            node.TryGetProperty("sameAs", out var sameAs) ? Strings(sameAs) : [],
            String(node, "email"),
            location,
            country);
    }

    /// <summary><c>location</c>, <c>address</c> or <c>foundingLocation</c>: a string, a Place with an address, or a PostalAddress.</summary>
    private static (string? Location, string? Country) Place(JsonElement node)
    {
        foreach (var key in (string[])["location", "address", "foundingLocation"])
        {
            if (!node.TryGetProperty(key, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0)
            {
                value = value[0];
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return (value.GetString(), null);
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var address = value.TryGetProperty("address", out var inner) ? inner : value;
            if (address.ValueKind == JsonValueKind.String)
            {
                return (address.GetString(), null);
            }

            var country = address.TryGetProperty("addressCountry", out var c)
                ? c.ValueKind == JsonValueKind.Object ? String(c, "name") : c.ValueKind == JsonValueKind.String ? c.GetString() : null
                : null;
            var parts = new[] { String(address, "addressLocality"), String(address, "addressRegion"), country }
                .Where(p => !string.IsNullOrWhiteSpace(p));
            var text = string.Join(", ", parts);
            if (text.Length == 0)
            {
                text = String(value, "name") ?? string.Empty;
            }

            if (text.Length > 0)
            {
                return (text, country);
            }
        }

        return (null, null);
    }

    private static string? String(JsonElement node, string property) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IReadOnlyList<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).Take(50)],
        _ => [],
    };
}

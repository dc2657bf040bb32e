using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace MonaSpark.Adapters.Scraping.Extraction;

/// <summary>
/// The payload of a web record (docs/web-record-format.md): what one page says about an artist.
/// Every string is plain text already cleaned and capped by the extractor; the Domain's
/// <c>WebPageValidator</c> checks it again, strictly.
/// </summary>
public sealed record WebPageRecord(
    string Url,
    string FetchedVia,
    string? Name,
    string? Bio,
    IReadOnlyList<WebLink> Links,
    IReadOnlyList<string> Emails,
    string? Location,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Country,
    IReadOnlyList<string> Genres)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        // Letters stay readable; <, >, &, quotes stay escaped, so the payload is safe to embed anywhere.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static WebPageRecord? FromJson(string json) => JsonSerializer.Deserialize<WebPageRecord>(json, JsonOptions);
}

/// <summary>A link to a profile on another platform: <c>spotify</c>, <c>youtube</c>, <c>soundcloud</c>, <c>instagram</c>, <c>bandcamp</c> or <c>tiktok</c>.</summary>
public sealed record WebLink(string Platform, string Url);

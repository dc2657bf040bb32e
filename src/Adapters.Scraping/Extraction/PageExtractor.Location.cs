using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace MonaSpark.Adapters.Scraping.Extraction;

public static partial class PageExtractor
{
    /// <summary>Country names (English and French) seen on artist pages → ISO 3166-1 alpha-2.</summary>
    private static readonly Dictionary<string, string> Countries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["france"] = "FR", ["united kingdom"] = "GB", ["uk"] = "GB", ["england"] = "GB", ["scotland"] = "GB", ["wales"] = "GB",
        ["royaume-uni"] = "GB", ["germany"] = "DE", ["deutschland"] = "DE", ["allemagne"] = "DE", ["united states"] = "US",
        ["usa"] = "US", ["états-unis"] = "US", ["belgium"] = "BE", ["belgique"] = "BE", ["switzerland"] = "CH", ["suisse"] = "CH",
        ["canada"] = "CA", ["spain"] = "ES", ["espagne"] = "ES", ["italy"] = "IT", ["italie"] = "IT", ["netherlands"] = "NL",
        ["pays-bas"] = "NL", ["ireland"] = "IE", ["irlande"] = "IE", ["portugal"] = "PT", ["australia"] = "AU", ["japan"] = "JP",
        ["brazil"] = "BR", ["brésil"] = "BR", ["mexico"] = "MX", ["sweden"] = "SE", ["norway"] = "NO", ["denmark"] = "DK",
        ["luxembourg"] = "LU", ["austria"] = "AT", ["poland"] = "PL", ["senegal"] = "SN", ["sénégal"] = "SN", ["morocco"] = "MA", ["maroc"] = "MA",
    };

    private static (string? Location, string? Country) Location(IDocument document, JsonLd.Artist? artist)
    {
        var location = artist?.Location;
        if (string.IsNullOrWhiteSpace(location))
        {
            var element = document.QuerySelector("[itemprop=address], [itemprop=location], .location, #location, [data-location]");
            location = element is null ? null : VisibleText(element).Trim();
        }

        if (string.IsNullOrWhiteSpace(location))
        {
            var match = BasedIn().Match(VisibleText(document.Body));
            location = match.Success ? match.Groups["place"].Value.Trim() : null;
        }

        return (location, CountryOf(artist?.Country) ?? CountryOf(location?.Split(',').Last()));
    }

    private static string? CountryOf(string? text)
    {
        var t = text?.Trim().Trim('.', '(', ')');
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        if (Countries.TryGetValue(t, out var code))
        {
            return code;
        }

        return t.Length == 2 && t.All(char.IsAsciiLetterUpper) ? t : null;
    }

    [GeneratedRegex(@"(?:based in|basée? à|originaire de)\s+(?<place>[\p{L}][\p{L} '-]{1,40}(?:,\s*[\p{L}][\p{L} '-]{1,40}){0,2})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex BasedIn();
}

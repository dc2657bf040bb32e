using System.Globalization;
using System.Net.Mail;
using System.Text;
using System.Text.Json;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Validation.Sources;

/// <summary>
/// Strict validation of a scraped web record (docs/web-record-format.md) into a <see cref="SourceProfile"/>.
/// Scraped text is data: control and format characters are stripped, lengths capped, nothing decoded
/// or interpreted. Structure is strict (types, an absolute http(s) <c>url</c>, a bounded <c>name</c>,
/// profile links on their platform's hosts, valid e-mail addresses, an ISO country code); links to
/// platforms we do not track (bandcamp, tiktok) and links without a recognisable profile id are dropped.
/// </summary>
public sealed partial class WebPageValidator : ISourceValidator
{
    public const int MaxNameLength = 200;
    public const int MaxBioLength = 4000;
    public const int MaxLinks = 40;
    public const int MaxEmails = 5;
    public const int MaxGenres = 10;
    public const int MaxGenreLength = 60;

    private static readonly Dictionary<string, (SourceKind Kind, string[] Hosts)> Platforms = new(StringComparer.Ordinal)
    {
        ["spotify"] = (SourceKind.Spotify, ["open.spotify.com"]),
        ["youtube"] = (SourceKind.YouTube, ["www.youtube.com", "youtube.com", "m.youtube.com"]),
        ["soundcloud"] = (SourceKind.SoundCloud, ["soundcloud.com", "m.soundcloud.com", "www.soundcloud.com"]),
        ["instagram"] = (SourceKind.Instagram, ["www.instagram.com", "instagram.com"]),
    };

    public SourceKind Source => SourceKind.Web;

    public ValidationResult<SourceProfile> Validate(SourceRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Payload.Length > SourceRecord.MaxPayloadLength)
        {
            return Fail("$", "size", $"The record is larger than {SourceRecord.MaxPayloadLength} characters.");
        }

        if (record.FetchedAt > now + ImportRecordValidator.ClockSkew)
        {
            return Fail("$", "future-date", "The record was fetched in the future.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(record.Payload, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            return Fail("$", "malformed-json", $"Not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail("$", "type", "The record must be a JSON object.");
            }

            var failures = new List<ValidationFailure>();
            var url = PageUrl(root, failures);
            var via = Text(root, "fetchedVia", 16, failures);
            if (via is not ("http" or "browser"))
            {
                failures.Add(new("$.fetchedVia", via is null ? "required" : "format", "'fetchedVia' must be 'http' or 'browser'."));
            }

            var name = Text(root, "name", int.MaxValue, failures);
            if (name is null)
            {
                failures.Add(new("$.name", "required", "'name' is required."));
            }
            else if (name.Length > MaxNameLength)
            {
                failures.Add(new("$.name", "length", $"'name' is longer than {MaxNameLength} characters."));
            }

            var bio = Text(root, "bio", MaxBioLength, failures, multiline: true);
            Text(root, "location", 200, failures);
            var country = Country(root, failures);
            var genres = Strings(root, "genres", MaxGenres, failures).Select(g => Clean(g, MaxGenreLength, false)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var email = Emails(root, failures);
            var links = Links(root, failures);
            if (failures.Count > 0)
            {
                return ValidationResult<SourceProfile>.Invalid(failures);
            }

            return ValidationResult<SourceProfile>.Valid(new SourceProfile(
                url!.AbsoluteUri, name!, bio, country, genres, null, email, links, [], record.FetchedAt));
        }
    }

    /// <summary>Drops control and format characters (zero-width, bidi overrides), collapses whitespace, caps the length; null when nothing is left.</summary>
    internal static string? Clean(string text, int maxLength, bool multiline)
    {
        var sb = new StringBuilder(Math.Min(text.Length, 4096));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space |= char.IsWhiteSpace(c);
                if (multiline && c == '\n' && sb.Length > 0)
                {
                    sb.Append('\n');
                    space = false;
                }

                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            if (space && sb.Length > 0 && sb[^1] != '\n')
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(c);
            if (sb.Length > maxLength && maxLength != int.MaxValue)
            {
                break;
            }
        }

        var result = sb.ToString().Trim();
        if (result.Length > maxLength)
        {
            result = result[..(char.IsHighSurrogate(result[maxLength - 1]) ? maxLength - 1 : maxLength)].TrimEnd();
        }

        return result.Length == 0 ? null : result;
    }

    private static ValidationResult<SourceProfile> Fail(string field, string code, string message) =>
        ValidationResult<SourceProfile>.Invalid([new ValidationFailure(field, code, message)]);

    private static Uri? PageUrl(JsonElement root, List<ValidationFailure> failures)
    {
        var text = Raw(root, "url", failures);
        if (text is null)
        {
            failures.Add(new("$.url", "required", "'url' is required."));
            return null;
        }

        if (text.Length > 2048 || !Uri.TryCreate(text, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(url.UserInfo))
        {
            failures.Add(new("$.url", "url", "'url' must be an absolute http(s) URL without credentials."));
            return null;
        }

        return url;
    }

    private static string? Text(JsonElement root, string property, int maxLength, List<ValidationFailure> failures, bool multiline = false)
    {
        var raw = Raw(root, property, failures);
        return raw is null ? null : Clean(raw, maxLength, multiline);
    }

    private static string? Raw(JsonElement root, string property, List<ValidationFailure> failures)
    {
        if (!root.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            failures.Add(new($"$.{property}", "type", $"'{property}' must be a string."));
            return null;
        }

        return value.GetString();
    }

    private static CountryCode? Country(JsonElement root, List<ValidationFailure> failures)
    {
        var country = Raw(root, "country", failures);
        if (country is null)
        {
            return null;
        }

        if (!CountryCode.IsValid(country))
        {
            failures.Add(new("$.country", "format", "'country' must be an ISO 3166-1 alpha-2 code."));
            return null;
        }

        return new CountryCode(country);
    }

    private static List<string> Strings(JsonElement root, string property, int max, List<ValidationFailure> failures)
    {
        if (!root.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > max || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            failures.Add(new($"$.{property}", "type", $"'{property}' must be an array of at most {max} strings."));
            return [];
        }

        return [.. value.EnumerateArray().Select(v => v.GetString()!)];
    }

    /// <summary>The first address, which the extractor puts first because it is a role address (booking@, mgmt@…).</summary>
    private static string? Emails(JsonElement root, List<ValidationFailure> failures)
    {
        var emails = Strings(root, "emails", MaxEmails, failures);
        for (var i = 0; i < emails.Count; i++)
        {
            var e = emails[i];
            if (e.Length > 254 || !MailAddress.TryCreate(e, out var address) || address.Address != e || !address.Host.Contains('.', StringComparison.Ordinal))
            {
                failures.Add(new($"$.emails[{i}]", "email", $"'$.emails[{i}]' is not a valid e-mail address."));
            }
        }

        return emails.Count > 0 ? emails[0] : null;
    }
}

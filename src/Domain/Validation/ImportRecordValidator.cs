using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Validation;

/// <summary>
/// Strict validation of an import record (docs/import-format.md): types, ranges, required fields,
/// URL shapes and sizes. It reports every failure, not just the first, so a quarantined record
/// says everything that is wrong with it.
/// </summary>
public static class ImportRecordValidator
{
    public const int MaxNameLength = 200;
    public const int MaxBioLength = 4000;
    public const int MaxGenres = 20;
    public const int MaxGenreLength = 60;
    public const int MaxProfiles = 20;
    public const int MaxMetrics = 400;
    public const long MaxFollowers = 10_000_000_000;

    /// <summary>How far in the future a timestamp may be (clock skew between sources).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromHours(1);

    private static readonly Dictionary<string, (SourceKind Kind, string[] Hosts)> Platforms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["spotify"] = (SourceKind.Spotify, ["open.spotify.com"]),
        ["youtube"] = (SourceKind.YouTube, ["www.youtube.com", "youtube.com", "m.youtube.com"]),
        ["soundcloud"] = (SourceKind.SoundCloud, ["soundcloud.com", "m.soundcloud.com"]),
        ["instagram"] = (SourceKind.Instagram, ["www.instagram.com", "instagram.com"]),
    };

    public static ValidationResult<SourceProfile> Validate(string payload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Length > SourceRecord.MaxPayloadLength)
        {
            return Fail("$", "size", $"The record is larger than {SourceRecord.MaxPayloadLength} characters.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 16 });
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
            var limit = now + ClockSkew;
            var id = RequiredString(root, "id", 128, failures);
            if (id is not null && !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            {
                failures.Add(new("$.id", "format", "The id may hold only ASCII letters, digits and - _ . :"));
            }

            var name = RequiredString(root, "name", MaxNameLength, failures);
            var bio = OptionalString(root, "bio", MaxBioLength, failures);
            var country = OptionalString(root, "country", 2, failures);
            if (country is not null && !CountryCode.IsValid(country))
            {
                failures.Add(new("$.country", "format", "The country must be an ISO 3166-1 alpha-2 code."));
            }

            var genres = Genres(root, failures);
            var image = OptionalUrl(root, "imageUrl", null, failures);
            var email = Email(root, failures);
            var profiles = Profiles(root, failures);
            var metrics = Metrics(root, limit, failures);
            var observedAt = Timestamp(root, "observedAt", "$.observedAt", required: true, limit, failures);

            if (failures.Count > 0)
            {
                return ValidationResult<SourceProfile>.Invalid(failures);
            }

            return ValidationResult<SourceProfile>.Valid(new SourceProfile(
                id!, name!.Trim(), bio, country is null ? null : new CountryCode(country), genres, image, email, profiles, metrics, observedAt!.Value));
        }
    }

    private static ValidationResult<SourceProfile> Fail(string field, string code, string message) =>
        ValidationResult<SourceProfile>.Invalid([new ValidationFailure(field, code, message)]);

    private static string? RequiredString(JsonElement root, string property, int maxLength, List<ValidationFailure> failures)
    {
        if (!root.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            failures.Add(new($"$.{property}", "required", $"'{property}' is required."));
            return null;
        }

        var text = StringValue(value, $"$.{property}", maxLength, failures);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            failures.Add(new($"$.{property}", "required", $"'{property}' must not be blank."));
            return null;
        }

        return text;
    }

    private static string? OptionalString(JsonElement root, string property, int maxLength, List<ValidationFailure> failures) =>
        root.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? StringValue(value, $"$.{property}", maxLength, failures)
            : null;

    private static string? StringValue(JsonElement value, string path, int maxLength, List<ValidationFailure> failures)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            failures.Add(new(path, "type", $"'{path}' must be a string."));
            return null;
        }

        var text = value.GetString()!;
        if (text.Length > maxLength)
        {
            failures.Add(new(path, "length", $"'{path}' is longer than {maxLength} characters."));
            return null;
        }

        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            failures.Add(new(path, "format", $"'{path}' contains control characters."));
            return null;
        }

        return text;
    }

    private static IReadOnlyList<string> Genres(JsonElement root, List<ValidationFailure> failures)
    {
        if (!root.TryGetProperty("genres", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            failures.Add(new("$.genres", "type", "'genres' must be an array of strings."));
            return [];
        }

        if (value.GetArrayLength() > MaxGenres)
        {
            failures.Add(new("$.genres", "length", $"At most {MaxGenres} genres."));
            return [];
        }

        var genres = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var genre = StringValue(item, $"$.genres[{index++}]", MaxGenreLength, failures);
            if (!string.IsNullOrWhiteSpace(genre))
            {
                genres.Add(genre.Trim().ToLowerInvariant());
            }
        }

        return genres.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string? Email(JsonElement root, List<ValidationFailure> failures)
    {
        var email = OptionalString(root, "email", 254, failures);
        if (email is null)
        {
            return null;
        }

        if (!MailAddress.TryCreate(email, out var address) || address.Address != email || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            failures.Add(new("$.email", "email", "'email' is not a valid e-mail address."));
            return null;
        }

        return email;
    }

    private static Uri? OptionalUrl(JsonElement root, string property, string[]? hosts, List<ValidationFailure> failures, string? path = null)
    {
        path ??= $"$.{property}";
        var text = root.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? StringValue(value, path, 2048, failures)
            : null;
        return text is null ? null : Url(text, path, hosts, failures);
    }

    private static Uri? Url(string text, string path, string[]? hosts, List<ValidationFailure> failures)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(uri.UserInfo))
        {
            failures.Add(new(path, "url", $"'{path}' must be an absolute https URL."));
            return null;
        }

        if (hosts is not null && !hosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add(new(path, "url", $"'{path}' must be on {string.Join(" or ", hosts)}."));
            return null;
        }

        return uri;
    }

    private static IReadOnlyList<ProfileLink> Profiles(JsonElement root, List<ValidationFailure> failures)
    {
        if (!root.TryGetProperty("profiles", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > MaxProfiles)
        {
            failures.Add(new("$.profiles", value.ValueKind != JsonValueKind.Array ? "type" : "length", $"'profiles' must be an array of at most {MaxProfiles} objects."));
            return [];
        }

        var profiles = new List<ProfileLink>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"$.profiles[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                failures.Add(new(path, "type", $"'{path}' must be an object."));
                continue;
            }

            var platform = Platform(item, path, failures);
            var id = item.TryGetProperty("id", out var idValue) ? StringValue(idValue, $"{path}.id", 128, failures) : null;
            if (item.TryGetProperty("id", out _) is false || string.IsNullOrWhiteSpace(id))
            {
                failures.Add(new($"{path}.id", "required", $"'{path}.id' is required."));
            }

            var url = OptionalUrl(item, "url", platform is null ? null : Platforms.First(p => p.Value.Kind == platform).Value.Hosts, failures, $"{path}.url");
            if (!item.TryGetProperty("url", out _))
            {
                failures.Add(new($"{path}.url", "required", $"'{path}.url' is required."));
            }

            if (platform is not null && !string.IsNullOrWhiteSpace(id) && url is not null)
            {
                profiles.Add(new ProfileLink(platform.Value, id, url));
            }
        }

        return profiles;
    }

    private static SourceKind? Platform(JsonElement item, string path, List<ValidationFailure> failures)
    {
        if (!item.TryGetProperty("platform", out var value) || value.ValueKind != JsonValueKind.String)
        {
            failures.Add(new($"{path}.platform", "required", $"'{path}.platform' is required."));
            return null;
        }

        if (!Platforms.TryGetValue(value.GetString()!, out var platform))
        {
            failures.Add(new($"{path}.platform", "unknown-platform", $"'{path}.platform' must be one of {string.Join(", ", Platforms.Keys)}."));
            return null;
        }

        return platform.Kind;
    }

    private static IReadOnlyList<ObservedMetric> Metrics(JsonElement root, DateTimeOffset limit, List<ValidationFailure> failures)
    {
        if (!root.TryGetProperty("metrics", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > MaxMetrics)
        {
            failures.Add(new("$.metrics", value.ValueKind != JsonValueKind.Array ? "type" : "length", $"'metrics' must be an array of at most {MaxMetrics} objects."));
            return [];
        }

        var metrics = new List<ObservedMetric>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"$.metrics[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                failures.Add(new(path, "type", $"'{path}' must be an object."));
                continue;
            }

            var before = failures.Count;
            var platform = Platform(item, path, failures);
            var at = Timestamp(item, "observedAt", $"{path}.observedAt", required: true, limit, failures);
            var followers = Integer(item, "followers", $"{path}.followers", required: true, 0, MaxFollowers, failures);
            var plays = Integer(item, "plays", $"{path}.plays", required: false, 0, long.MaxValue / 4, failures);
            var popularity = Integer(item, "popularity", $"{path}.popularity", required: false, 0, 100, failures);
            if (failures.Count == before)
            {
                metrics.Add(new ObservedMetric(platform!.Value, at!.Value, followers!.Value, plays, (int?)popularity));
            }
        }

        return metrics;
    }

    private static long? Integer(JsonElement item, string property, string path, bool required, long min, long max, List<ValidationFailure> failures)
    {
        if (!item.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                failures.Add(new(path, "required", $"'{path}' is required."));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            failures.Add(new(path, "type", $"'{path}' must be a whole number."));
            return null;
        }

        if (number < min || number > max)
        {
            failures.Add(new(path, "range", $"'{path}' must be between {min} and {max}."));
            return null;
        }

        return number;
    }

    private static DateTimeOffset? Timestamp(JsonElement item, string property, string path, bool required, DateTimeOffset limit, List<ValidationFailure> failures)
    {
        if (!item.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                failures.Add(new(path, "required", $"'{path}' is required."));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            failures.Add(new(path, "format", $"'{path}' must be an ISO 8601 timestamp."));
            return null;
        }

        if (at > limit)
        {
            failures.Add(new(path, "future-date", $"'{path}' is in the future."));
            return null;
        }

        if (at.Year < 2000)
        {
            failures.Add(new(path, "range", $"'{path}' is before 2000."));
            return null;
        }

        return at;
    }
}

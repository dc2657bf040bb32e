using System.Globalization;
using System.Text.Json;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Validation.Sources;

/// <summary>
/// Strict readers shared by the platform validators. Each records a <see cref="ValidationFailure"/>
/// with the same stable codes as the import validator (required, type, range, format, url, length,
/// malformed-json, future-date, id-mismatch) and returns null for a bad value, so every failure is reported.
/// </summary>
internal sealed class PayloadReader
{
    public const int MaxNameLength = ImportRecordValidator.MaxNameLength;
    public const int MaxBioLength = ImportRecordValidator.MaxBioLength;
    public const long MaxCount = ImportRecordValidator.MaxFollowers * 1000;

    public List<ValidationFailure> Failures { get; } = [];

    /// <summary>Parses the payload as a JSON object, or says why it cannot.</summary>
    public static bool TryParse(SourceRecord record, DateTimeOffset now, out JsonDocument? document, out IReadOnlyList<ValidationFailure> failures)
    {
        document = null;
        if (record.FetchedAt > now + ImportRecordValidator.ClockSkew)
        {
            failures = [new("$", "future-date", "The record was fetched in the future.")];
            return false;
        }

        try
        {
            document = JsonDocument.Parse(record.Payload, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            failures = [new("$", "malformed-json", $"Not valid JSON: {ex.Message}")];
            return false;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            document = null;
            failures = [new("$", "type", "The payload must be a JSON object.")];
            return false;
        }

        failures = [];
        return true;
    }

    public void Fail(string path, string code, string message) => Failures.Add(new(path, code, message));

    public JsonElement? Object(JsonElement parent, string property, string path, bool required)
    {
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Fail(path, "required", $"'{path}' is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Fail(path, "type", $"'{path}' must be an object.");
            return null;
        }

        return value;
    }

    public string? String(JsonElement parent, string property, string path, bool required, int maxLength)
    {
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Fail(path, "required", $"'{path}' is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Fail(path, "type", $"'{path}' must be a string.");
            return null;
        }

        var text = value.GetString()!;
        if (text.Length > maxLength)
        {
            Fail(path, "length", $"'{path}' is longer than {maxLength} characters.");
            return null;
        }

        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            Fail(path, "format", $"'{path}' contains control characters.");
            return null;
        }

        if (required && string.IsNullOrWhiteSpace(text))
        {
            Fail(path, "required", $"'{path}' must not be blank.");
            return null;
        }

        return text;
    }

    /// <summary>A whole number within [min, max]; <paramref name="asString"/> for APIs that send counts as strings (YouTube).</summary>
    public long? Integer(JsonElement parent, string property, string path, bool required, long min, long max, bool asString = false)
    {
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Fail(path, "required", $"'{path}' is required.");
            }

            return null;
        }

        long number;
        if (asString)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                Fail(path, "type", $"'{path}' must be a string of digits.");
                return null;
            }

            if (!long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
            {
                Fail(path, "format", $"'{path}' is not a whole number.");
                return null;
            }
        }
        else if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out number))
        {
            Fail(path, "type", $"'{path}' must be a whole number.");
            return null;
        }

        if (number < min || number > max)
        {
            Fail(path, "range", $"'{path}' must be between {min} and {max}.");
            return null;
        }

        return number;
    }

    public bool? Boolean(JsonElement parent, string property, string path)
    {
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Fail(path, "type", $"'{path}' must be true or false.");
            return null;
        }

        return value.GetBoolean();
    }

    /// <summary>An absolute https URL (or http where <paramref name="allowHttp"/>), optionally on one of <paramref name="hosts"/>.</summary>
    public Uri? Url(JsonElement parent, string property, string path, bool required, string[]? hosts = null, bool allowHttp = false)
    {
        var text = String(parent, property, path, required, 2048);
        return text is null ? null : Url(text, path, hosts, allowHttp);
    }

    public Uri? Url(string text, string path, string[]? hosts = null, bool allowHttp = false)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp))
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            Fail(path, "url", $"'{path}' must be an absolute {(allowHttp ? "http(s)" : "https")} URL.");
            return null;
        }

        if (hosts is not null && !hosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
        {
            Fail(path, "url", $"'{path}' must be on {string.Join(" or ", hosts)}.");
            return null;
        }

        return uri;
    }

    /// <summary>The payload's id must be the record's external id: a record cannot speak for another subject.</summary>
    public void SameId(SourceRecord record, string? id, string path)
    {
        if (id is not null && !string.Equals(id, record.ExternalId, StringComparison.Ordinal))
        {
            Fail(path, "id-mismatch", $"'{path}' ({id}) is not the record's external id ({record.ExternalId}).");
        }
    }
}

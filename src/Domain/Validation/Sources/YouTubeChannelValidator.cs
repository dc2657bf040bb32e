using System.Text.Json;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Validation.Sources;

/// <summary>
/// A YouTube Data API v3 channel resource (<c>channels.list?part=snippet,statistics</c>): kind
/// <c>youtube#channel</c>, id <c>UC…</c> (24 characters), <c>snippet.title</c>, optional description,
/// country and https thumbnails, and <c>statistics</c> whose counts are strings of digits, as the API
/// sends them. A hidden subscriber count gives no metric rather than a false zero.
/// </summary>
public sealed class YouTubeChannelValidator : ISourceValidator
{
    public SourceKind Source => SourceKind.YouTube;

    public ValidationResult<SourceProfile> Validate(SourceRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!PayloadReader.TryParse(record, now, out var document, out var invalid))
        {
            return ValidationResult<SourceProfile>.Invalid(invalid);
        }

        using (document)
        {
            var root = document!.RootElement;
            var r = new PayloadReader();
            var kind = r.String(root, "kind", "$.kind", required: true, 40);
            if (kind is not null && kind != "youtube#channel")
            {
                r.Fail("$.kind", "format", "'$.kind' must be 'youtube#channel'.");
            }

            var id = r.String(root, "id", "$.id", required: true, 24);
            if (id is not null && (id.Length != 24 || !id.StartsWith("UC", StringComparison.Ordinal) || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            {
                r.Fail("$.id", "format", "'$.id' must be a channel id: UC and 22 characters.");
                id = null;
            }

            r.SameId(record, id, "$.id");
            string? title = null, description = null, country = null;
            Uri? thumbnail = null;
            if (r.Object(root, "snippet", "$.snippet", required: true) is { } snippet)
            {
                title = r.String(snippet, "title", "$.snippet.title", required: true, PayloadReader.MaxNameLength);
                description = r.String(snippet, "description", "$.snippet.description", required: false, PayloadReader.MaxBioLength);
                country = r.String(snippet, "country", "$.snippet.country", required: false, 2);
                if (country is not null && !CountryCode.IsValid(country))
                {
                    r.Fail("$.snippet.country", "format", "'$.snippet.country' must be an ISO 3166-1 alpha-2 code.");
                    country = null;
                }

                thumbnail = Thumbnail(snippet, r);
            }

            long? subscribers = null, views = null;
            if (r.Object(root, "statistics", "$.statistics", required: true) is { } statistics)
            {
                var hidden = r.Boolean(statistics, "hiddenSubscriberCount", "$.statistics.hiddenSubscriberCount") ?? false;
                subscribers = r.Integer(statistics, "subscriberCount", "$.statistics.subscriberCount", required: !hidden, 0, ImportRecordValidator.MaxFollowers, asString: true);
                views = r.Integer(statistics, "viewCount", "$.statistics.viewCount", required: false, 0, PayloadReader.MaxCount, asString: true);
                r.Integer(statistics, "videoCount", "$.statistics.videoCount", required: false, 0, 10_000_000, asString: true);
                subscribers = hidden ? null : subscribers;
            }

            if (r.Failures.Count > 0)
            {
                return ValidationResult<SourceProfile>.Invalid(r.Failures);
            }

            var metrics = subscribers is { } s ? [new ObservedMetric(SourceKind.YouTube, record.FetchedAt, s, views, null)] : new List<ObservedMetric>();
            return ValidationResult<SourceProfile>.Valid(new SourceProfile(
                id!, title!.Trim(), string.IsNullOrWhiteSpace(description) ? null : description, country is null ? null : new CountryCode(country.ToUpperInvariant()),
                [], thumbnail, null,
                [new ProfileLink(SourceKind.YouTube, id!, new Uri($"https://www.youtube.com/channel/{id}"))],
                metrics, record.FetchedAt, TextLinks.Extract(description)));
        }
    }

    /// <summary>The largest thumbnail given; every one given must be https.</summary>
    private static Uri? Thumbnail(JsonElement snippet, PayloadReader r)
    {
        if (r.Object(snippet, "thumbnails", "$.snippet.thumbnails", required: false) is not { } thumbnails)
        {
            return null;
        }

        Uri? best = null;
        foreach (var size in new[] { "default", "medium", "high", "standard", "maxres" })
        {
            if (r.Object(thumbnails, size, $"$.snippet.thumbnails.{size}", required: false) is { } t
                && r.Url(t, "url", $"$.snippet.thumbnails.{size}.url", required: true) is { } url)
            {
                best = url;
            }
        }

        return best;
    }
}

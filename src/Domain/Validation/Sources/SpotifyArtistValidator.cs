using System.Text.Json;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Validation.Sources;

/// <summary>
/// A Spotify Web API artist object (<c>GET /v1/artists/{id}</c>): id (base-62, 22 characters), name,
/// type <c>artist</c>, <c>followers.total</c>, optional popularity (0–100), genres, images and
/// <c>external_urls.spotify</c> on open.spotify.com. One metric (followers, popularity) at the fetch time.
/// </summary>
public sealed class SpotifyArtistValidator : ISourceValidator
{
    public const int MaxGenres = ImportRecordValidator.MaxGenres;

    private static readonly string[] Hosts = ["open.spotify.com"];

    public SourceKind Source => SourceKind.Spotify;

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
            var id = r.String(root, "id", "$.id", required: true, 22);
            if (id is not null && (id.Length != 22 || !id.All(char.IsAsciiLetterOrDigit)))
            {
                r.Fail("$.id", "format", "'$.id' must be a 22-character base-62 Spotify id.");
                id = null;
            }

            r.SameId(record, id, "$.id");
            var type = r.String(root, "type", "$.type", required: true, 20);
            if (type is not null && type != "artist")
            {
                r.Fail("$.type", "format", "'$.type' must be 'artist'.");
            }

            var name = r.String(root, "name", "$.name", required: true, PayloadReader.MaxNameLength);
            var followers = r.Object(root, "followers", "$.followers", required: true) is { } f
                ? r.Integer(f, "total", "$.followers.total", required: true, 0, ImportRecordValidator.MaxFollowers)
                : null;
            var popularity = r.Integer(root, "popularity", "$.popularity", required: false, 0, 100);
            var genres = Genres(root, r);
            var image = Image(root, r);
            var link = r.Object(root, "external_urls", "$.external_urls", required: false) is { } urls
                ? r.Url(urls, "spotify", "$.external_urls.spotify", required: false, Hosts)
                : null;

            if (r.Failures.Count > 0)
            {
                return ValidationResult<SourceProfile>.Invalid(r.Failures);
            }

            link ??= new Uri($"https://open.spotify.com/artist/{id}");
            return ValidationResult<SourceProfile>.Valid(new SourceProfile(
                id!, name!.Trim(), null, null, genres, image, null,
                [new ProfileLink(SourceKind.Spotify, id!, link)],
                [new ObservedMetric(SourceKind.Spotify, record.FetchedAt, followers!.Value, null, (int?)popularity)],
                record.FetchedAt));
        }
    }

    private static List<string> Genres(JsonElement root, PayloadReader r)
    {
        if (!root.TryGetProperty("genres", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            r.Fail("$.genres", "type", "'$.genres' must be an array of strings.");
            return [];
        }

        if (value.GetArrayLength() > MaxGenres)
        {
            r.Fail("$.genres", "length", $"At most {MaxGenres} genres.");
            return [];
        }

        var genres = new List<string>();
        for (var i = 0; i < value.GetArrayLength(); i++)
        {
            if (value[i].ValueKind != JsonValueKind.String)
            {
                r.Fail($"$.genres[{i}]", "type", $"'$.genres[{i}]' must be a string.");
            }
            else if (value[i].GetString()!.Trim() is { Length: > 0 and <= ImportRecordValidator.MaxGenreLength } genre)
            {
                genres.Add(genre.ToLowerInvariant());
            }
            else
            {
                r.Fail($"$.genres[{i}]", "length", $"'$.genres[{i}]' must hold 1 to {ImportRecordValidator.MaxGenreLength} characters.");
            }
        }

        return genres.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Spotify lists images widest first; every one must be an https URL.</summary>
    private static Uri? Image(JsonElement root, PayloadReader r)
    {
        if (!root.TryGetProperty("images", out var images) || images.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (images.ValueKind != JsonValueKind.Array)
        {
            r.Fail("$.images", "type", "'$.images' must be an array.");
            return null;
        }

        Uri? first = null;
        for (var i = 0; i < images.GetArrayLength(); i++)
        {
            var path = $"$.images[{i}]";
            if (images[i].ValueKind != JsonValueKind.Object)
            {
                r.Fail(path, "type", $"'{path}' must be an object.");
                continue;
            }

            var url = r.Url(images[i], "url", $"{path}.url", required: true);
            r.Integer(images[i], "width", $"{path}.width", required: false, 1, 10_000);
            r.Integer(images[i], "height", $"{path}.height", required: false, 1, 10_000);
            first ??= url;
        }

        return first;
    }
}

using System.Globalization;
using System.Text.Json;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Validation.Sources;

/// <summary>
/// The SoundCloud connector's envelope <c>{ "user": &lt;user&gt;, "tracks": [ &lt;track&gt; ] }</c>: the user
/// (numeric id, kind <c>user</c>, username, <c>permalink_url</c> on soundcloud.com, optional full name,
/// description, https avatar, <c>followers_count</c>) and up to <see cref="MaxTracks"/> tracks (id, title,
/// optional genre and non-negative counts). Metric: followers, and plays as the sum of the tracks'
/// <c>playback_count</c>; genres: the tracks' genres, most frequent first.
/// </summary>
public sealed class SoundCloudUserValidator : ISourceValidator
{
    public const int MaxTracks = 200;

    private static readonly string[] Hosts = ["soundcloud.com", "m.soundcloud.com"];

    public SourceKind Source => SourceKind.SoundCloud;

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
            string? id = null, username = null, fullName = null, bio = null;
            Uri? website = null;
            Uri? permalink = null, avatar = null;
            long? followers = null;
            if (r.Object(root, "user", "$.user", required: true) is { } user)
            {
                id = r.Integer(user, "id", "$.user.id", required: true, 1, long.MaxValue)?.ToString(CultureInfo.InvariantCulture);
                r.SameId(record, id, "$.user.id");
                var kind = r.String(user, "kind", "$.user.kind", required: false, 20);
                if (kind is not null && kind != "user")
                {
                    r.Fail("$.user.kind", "format", "'$.user.kind' must be 'user'.");
                }

                username = r.String(user, "username", "$.user.username", required: true, PayloadReader.MaxNameLength);
                fullName = r.String(user, "full_name", "$.user.full_name", required: false, PayloadReader.MaxNameLength);
                bio = r.String(user, "description", "$.user.description", required: false, PayloadReader.MaxBioLength);
                website = r.Url(user, "website", "$.user.website", required: false, allowHttp: true);
                permalink = r.Url(user, "permalink_url", "$.user.permalink_url", required: true, Hosts);
                avatar = r.Url(user, "avatar_url", "$.user.avatar_url", required: false);
                followers = r.Integer(user, "followers_count", "$.user.followers_count", required: true, 0, ImportRecordValidator.MaxFollowers);
            }

            var (plays, genres) = Tracks(root, r);
            if (r.Failures.Count > 0)
            {
                return ValidationResult<SourceProfile>.Invalid(r.Failures);
            }

            var name = string.IsNullOrWhiteSpace(fullName) ? username! : fullName;
            return ValidationResult<SourceProfile>.Valid(new SourceProfile(
                id!, name.Trim(), string.IsNullOrWhiteSpace(bio) ? null : bio, null, genres, avatar, null,
                [new ProfileLink(SourceKind.SoundCloud, id!, permalink!)],
                [new ObservedMetric(SourceKind.SoundCloud, record.FetchedAt, followers!.Value, plays, null)],
                record.FetchedAt,
                [.. website is null ? [] : new[] { website }, .. TextLinks.Extract(bio)]));
        }
    }

    private static (long? Plays, List<string> Genres) Tracks(JsonElement root, PayloadReader r)
    {
        if (!root.TryGetProperty("tracks", out var tracks) || tracks.ValueKind == JsonValueKind.Null)
        {
            r.Fail("$.tracks", "required", "'$.tracks' is required (an empty array for a user without tracks).");
            return (null, []);
        }

        if (tracks.ValueKind != JsonValueKind.Array)
        {
            r.Fail("$.tracks", "type", "'$.tracks' must be an array.");
            return (null, []);
        }

        if (tracks.GetArrayLength() > MaxTracks)
        {
            r.Fail("$.tracks", "length", $"At most {MaxTracks} tracks.");
            return (null, []);
        }

        long? plays = null;
        var genres = new List<string>();
        for (var i = 0; i < tracks.GetArrayLength(); i++)
        {
            var path = $"$.tracks[{i}]";
            var track = tracks[i];
            if (track.ValueKind != JsonValueKind.Object)
            {
                r.Fail(path, "type", $"'{path}' must be an object.");
                continue;
            }

            r.Integer(track, "id", $"{path}.id", required: true, 1, long.MaxValue);
            r.String(track, "title", $"{path}.title", required: true, 500);
            if (r.Integer(track, "playback_count", $"{path}.playback_count", required: false, 0, PayloadReader.MaxCount) is { } p)
            {
                plays = (plays ?? 0) + p;
            }

            r.Integer(track, "favoritings_count", $"{path}.favoritings_count", required: false, 0, PayloadReader.MaxCount);
            r.Integer(track, "reposts_count", $"{path}.reposts_count", required: false, 0, PayloadReader.MaxCount);
            if (r.String(track, "genre", $"{path}.genre", required: false, ImportRecordValidator.MaxGenreLength) is { } genre && !string.IsNullOrWhiteSpace(genre))
            {
                genres.Add(genre.Trim().ToLowerInvariant());
            }
        }

        var ranked = genres.GroupBy(g => g, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).Take(ImportRecordValidator.MaxGenres).ToList();
        return (plays, ranked);
    }
}

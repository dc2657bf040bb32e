using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Validation.Sources;

/// <summary>
/// An Instagram Graph API <c>business_discovery</c> object: numeric id, username (Instagram's 1–30
/// letters, digits, periods and underscores), optional name, biography (≤ 150 characters on
/// Instagram; up to <see cref="MaxBiographyLength"/> accepted), website (http or https),
/// https profile picture, <c>followers_count</c> and optional <c>media_count</c>. Metric: followers.
/// </summary>
public sealed class InstagramBusinessValidator : ISourceValidator
{
    public const int MaxBiographyLength = 2200;

    public SourceKind Source => SourceKind.Instagram;

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
            var id = r.String(root, "id", "$.id", required: true, 30);
            if (id is not null && !id.All(char.IsAsciiDigit))
            {
                r.Fail("$.id", "format", "'$.id' must be a numeric Instagram id.");
                id = null;
            }

            r.SameId(record, id, "$.id");
            var username = r.String(root, "username", "$.username", required: true, 30);
            if (username is not null && !username.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_'))
            {
                r.Fail("$.username", "format", "'$.username' may hold only letters, digits, periods and underscores.");
                username = null;
            }

            var name = r.String(root, "name", "$.name", required: false, PayloadReader.MaxNameLength);
            var bio = r.String(root, "biography", "$.biography", required: false, MaxBiographyLength);
            var website = r.Url(root, "website", "$.website", required: false, allowHttp: true);
            var picture = r.Url(root, "profile_picture_url", "$.profile_picture_url", required: false);
            var followers = r.Integer(root, "followers_count", "$.followers_count", required: true, 0, ImportRecordValidator.MaxFollowers);
            r.Integer(root, "media_count", "$.media_count", required: false, 0, 10_000_000);

            if (r.Failures.Count > 0)
            {
                return ValidationResult<SourceProfile>.Invalid(r.Failures);
            }

            return ValidationResult<SourceProfile>.Valid(new SourceProfile(
                id!, (string.IsNullOrWhiteSpace(name) ? username! : name).Trim(), string.IsNullOrWhiteSpace(bio) ? null : bio, null, [], picture, null,
                [new ProfileLink(SourceKind.Instagram, id!, new Uri($"https://www.instagram.com/{username}/"))],
                [new ObservedMetric(SourceKind.Instagram, record.FetchedAt, followers!.Value, null, null)],
                record.FetchedAt,
                [.. website is null ? [] : new[] { website }, .. TextLinks.Extract(bio)]));
        }
    }
}

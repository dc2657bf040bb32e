using System.ComponentModel.DataAnnotations;

namespace MonaSpark.Adapters.Sources.SoundCloud;

/// <summary>
/// The SoundCloud API connector (OAuth 2.1 client credentials). Section <c>MonaSpark:Sources:SoundCloud</c>.
/// Seeds: <see cref="UserIds"/>, one record per user.
/// </summary>
public sealed class SoundCloudOptions : SourceConnectorOptions, IValidatableObject
{
    public const string SectionName = "MonaSpark:Sources:SoundCloud";

    public SoundCloudOptions()
    {
        BaseUri = new Uri("https://api.soundcloud.com/");
        // SoundCloud documents 15,000 requests per rolling 24 hours per app (its play-request cap);
        // it is applied to every call to stay well inside what the app may do.
        RateLimitPermits = 15_000;
        RateLimitWindow = TimeSpan.FromHours(24);
    }

    /// <summary>The token endpoint (default <c>https://secure.soundcloud.com/oauth/token</c>).</summary>
    [Required]
    public Uri? TokenUri { get; set; } = new("https://secure.soundcloud.com/oauth/token");

    [Required]
    public string? ClientId { get; set; }

    [Required]
    public string? ClientSecret { get; set; }

    /// <summary>Known user ids (numeric).</summary>
    public IList<string> UserIds { get; } = [];

    /// <summary>Tracks fetched per user (default 50; the API pages at most 200).</summary>
    [Range(1, 200)]
    public int MaxTracksPerUser { get; set; } = 50;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UserIds.Count == 0)
        {
            yield return new ValidationResult("Give at least one user id.", [nameof(UserIds)]);
        }

        foreach (var id in UserIds.Where(id => !ulong.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            yield return new ValidationResult($"User id '{id}' is not numeric.", [nameof(UserIds)]);
        }
    }
}

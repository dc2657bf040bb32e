using System.ComponentModel.DataAnnotations;

namespace MonaSpark.Adapters.Sources.Instagram;

/// <summary>
/// The Instagram Graph API business discovery connector. Section <c>MonaSpark:Sources:Instagram</c>.
/// Seeds: <see cref="Usernames"/> of business or creator accounts, looked up through the app's own
/// Instagram professional account <see cref="IgUserId"/>.
/// </summary>
public sealed class InstagramOptions : SourceConnectorOptions, IValidatableObject
{
    public const string SectionName = "MonaSpark:Sources:Instagram";

    /// <summary>The fields asked of each discovered account.</summary>
    public const string Fields = "username,name,biography,website,followers_count,media_count,profile_picture_url,id";

    public InstagramOptions()
    {
        BaseUri = new Uri("https://graph.facebook.com/v21.0/");
        // Business discovery counts against the token's hourly call limit, 200 per hour by default.
        // An hour is too long to wait: when the window is spent the page ends and the next run resumes.
        RateLimitPermits = 200;
        RateLimitWindow = TimeSpan.FromHours(1);
        RateLimitQueue = 0;
    }

    /// <summary>A long-lived user or system-user access token with <c>instagram_basic</c>.</summary>
    [Required]
    public string? AccessToken { get; set; }

    /// <summary>The app's own Instagram professional account id, through which others are discovered.</summary>
    [Required]
    [RegularExpression("^[0-9]{5,25}$")]
    public string? IgUserId { get; set; }

    /// <summary>Usernames to discover.</summary>
    public IList<string> Usernames { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Usernames.Count == 0)
        {
            yield return new ValidationResult("Give at least one username.", [nameof(Usernames)]);
        }
    }
}

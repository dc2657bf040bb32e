using System.ComponentModel.DataAnnotations;

namespace MonaSpark.Adapters.Sources.YouTube;

/// <summary>
/// The YouTube Data API v3 connector (API key). Section <c>MonaSpark:Sources:YouTube</c>. Seeds:
/// <see cref="ChannelIds"/> first (50 per <c>channels.list</c>), then each of <see cref="SearchQueries"/>
/// through <c>search.list</c> (type=channel).
/// </summary>
public sealed class YouTubeOptions : SourceConnectorOptions, IValidatableObject
{
    public const string SectionName = "MonaSpark:Sources:YouTube";

    /// <summary>Most ids <c>channels.list</c> accepts per call, and the largest <c>maxResults</c> (documented).</summary>
    public const int MaxIdsPerCall = 50;

    /// <summary>Quota cost of <c>channels.list</c> (documented).</summary>
    public const int ChannelsListCost = 1;

    /// <summary>Quota cost of <c>search.list</c> (documented).</summary>
    public const int SearchListCost = 100;

    public YouTubeOptions()
    {
        BaseUri = new Uri("https://www.googleapis.com/youtube/v3/");
        // The binding limit is the daily quota in units (below); this only spaces calls out.
        RateLimitPermits = 300;
        RateLimitWindow = TimeSpan.FromMinutes(1);
        RateLimitQueue = 10;
    }

    [Required]
    public string? ApiKey { get; set; }

    /// <summary>Known channel ids (<c>UC…</c>).</summary>
    public IList<string> ChannelIds { get; } = [];

    /// <summary>Queries for <c>search.list</c> (100 units a page: use sparingly).</summary>
    public IList<string> SearchQueries { get; } = [];

    /// <summary>Units allowed per day (default 10,000, the project's default allowance); it resets at midnight Pacific time.</summary>
    [Range(1, 100_000_000)]
    public int DailyQuotaUnits { get; set; } = 10_000;

    /// <summary>The time zone of the quota day (default <c>America/Los_Angeles</c>, as Google documents).</summary>
    [Required]
    public string QuotaTimeZone { get; set; } = "America/Los_Angeles";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ChannelIds.Count == 0 && SearchQueries.Count == 0)
        {
            yield return new ValidationResult("Give at least one channel id or search query.", [nameof(ChannelIds), nameof(SearchQueries)]);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(QuotaTimeZone, out _))
        {
            yield return new ValidationResult($"Unknown time zone '{QuotaTimeZone}'.", [nameof(QuotaTimeZone)]);
        }
    }
}

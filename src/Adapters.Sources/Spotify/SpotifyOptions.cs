using System.ComponentModel.DataAnnotations;

namespace MonaSpark.Adapters.Sources.Spotify;

/// <summary>
/// The Spotify Web API connector (client-credentials flow). Section <c>MonaSpark:Sources:Spotify</c>.
/// Seeds: <see cref="ArtistIds"/> are fetched first (50 per call), then each of <see cref="SearchQueries"/> is paged.
/// </summary>
public sealed class SpotifyOptions : SourceConnectorOptions, IValidatableObject
{
    public const string SectionName = "MonaSpark:Sources:Spotify";

    /// <summary>Most ids <c>GET /v1/artists</c> accepts per call (documented).</summary>
    public const int MaxIdsPerCall = 50;

    /// <summary>Largest <c>limit</c> of <c>GET /v1/search</c> (documented).</summary>
    public const int MaxSearchLimit = 50;

    public SpotifyOptions()
    {
        BaseUri = new Uri("https://api.spotify.com/v1/");
        // Spotify computes its limit over a rolling 30-second window and does not publish the number;
        // 90 calls per 30 s stays well under what a development-mode app is allowed. Waiting is cheap
        // in so short a window, so a few calls may queue for a permit.
        RateLimitPermits = 90;
        RateLimitWindow = TimeSpan.FromSeconds(30);
        RateLimitQueue = 10;
    }

    /// <summary>The accounts service token endpoint (default <c>https://accounts.spotify.com/api/token</c>).</summary>
    [Required]
    public Uri? TokenUri { get; set; } = new("https://accounts.spotify.com/api/token");

    [Required]
    public string? ClientId { get; set; }

    [Required]
    public string? ClientSecret { get; set; }

    /// <summary>Search queries (Spotify query syntax, e.g. <c>genre:chanson</c>), each paged to <see cref="MaxSearchOffset"/>.</summary>
    public IList<string> SearchQueries { get; } = [];

    /// <summary>
    /// Genre queries added from the sourcing hints (the genres of the customers and their lookalikes,
    /// <c>genre:"…"</c>), after the configured ones (default 3; 0 searches only as configured).
    /// </summary>
    [Range(0, 20)]
    public int HintedGenreQueries { get; set; } = 3;

    /// <summary>Known artist ids (base-62, 22 characters).</summary>
    public IList<string> ArtistIds { get; } = [];

    /// <summary>Deepest search offset requested (default and documented maximum 1000).</summary>
    [Range(0, 1000)]
    public int MaxSearchOffset { get; set; } = 1000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SearchQueries.Count == 0 && ArtistIds.Count == 0)
        {
            yield return new ValidationResult("Give at least one search query or artist id.", [nameof(SearchQueries), nameof(ArtistIds)]);
        }
    }
}

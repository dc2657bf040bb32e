using System.Globalization;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Outreach.Copy;

/// <summary>
/// The facts a draft may state, taken from the merged profile and its snapshots and formatted for
/// the language: the only names and numbers <see cref="CopyGuard"/> lets through. A fact the profile
/// does not have is absent, never guessed.
/// </summary>
public static class CopyFacts
{
    public const string Artist = "artist";
    public const string Country = "country";
    public const string Genre = "genre";
    public const string Genres = "genres";
    public const string Platforms = "platforms";

    /// <summary>The platform with the largest audience, and that audience.</summary>
    public const string MainPlatform = "main_platform";
    public const string MainFollowers = "main_followers";

    /// <summary>The fastest growth over <see cref="GrowthWindow"/>, when it is at least <see cref="MinimumGrowth"/>.</summary>
    public const string GrowthPlatform = "growth_platform";
    public const string GrowthRate = "growth_rate";
    public const string GrowthDays = "growth_days";

    public const int MaxGenres = 3;
    public const int MaxNameLength = 120;
    public static readonly TimeSpan GrowthWindow = TimeSpan.FromDays(28);

    /// <summary>Growth below +5% is not worth a sentence.</summary>
    public const double MinimumGrowth = 0.05;

    private static readonly SourceKind[] AudiencePlatforms = [SourceKind.Spotify, SourceKind.YouTube, SourceKind.SoundCloud, SourceKind.Instagram];

    /// <summary>The key of the follower count on <paramref name="platform"/>, e.g. <c>followers_spotify</c>.</summary>
    public static string FollowersOn(SourceKind platform) => platform switch
    {
        SourceKind.Spotify => "followers_spotify",
        SourceKind.YouTube => "followers_youtube",
        SourceKind.SoundCloud => "followers_soundcloud",
        SourceKind.Instagram => "followers_instagram",
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Not an audience platform."),
    };

    /// <summary>The facts of <paramref name="artist"/> as of <paramref name="asOf"/>, in <paramref name="language"/>.</summary>
    public static IReadOnlyDictionary<string, string> From(Artist artist, IReadOnlyList<MetricSnapshot> history, DateTimeOffset asOf, string language)
    {
        ArgumentNullException.ThrowIfNull(artist);
        ArgumentNullException.ThrowIfNull(history);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal) { [Artist] = PlainText.Clean(artist.Name.Value, MaxNameLength) };
        if (artist.Country?.Value is { } country && CountryName(country, language) is { } name)
        {
            facts[Country] = name;
        }

        var genres = (artist.Genres?.Value ?? []).Select(g => PlainText.Clean(g, 40)).Where(g => g.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxGenres).ToList();
        if (genres.Count > 0)
        {
            facts[Genre] = genres[0];
            facts[Genres] = string.Join(", ", genres);
        }

        var platforms = artist.Profiles.Select(p => p.Platform).Where(AudiencePlatforms.Contains).Distinct().Order().ToList();
        if (platforms.Count > 0)
        {
            facts[Platforms] = string.Join(", ", platforms.Select(PlatformName));
        }

        var latest = history.Where(s => s.ObservedAt <= asOf && AudiencePlatforms.Contains(s.Platform))
            .GroupBy(s => s.Platform)
            .Select(g => g.MaxBy(s => s.ObservedAt)!)
            .OrderByDescending(s => s.Followers).ThenBy(s => s.Platform)
            .ToList();
        foreach (var snapshot in latest)
        {
            facts[FollowersOn(snapshot.Platform)] = Count(snapshot.Followers, language);
        }

        if (latest.FirstOrDefault(s => s.Followers > 0) is { } main)
        {
            facts[MainPlatform] = PlatformName(main.Platform);
            facts[MainFollowers] = Count(main.Followers, language);
        }

        var growth = Growth.Over(history, GrowthWindow, asOf).Platforms
            .Where(p => AudiencePlatforms.Contains(p.Platform))
            .OrderByDescending(p => p.Rate).ThenBy(p => p.Platform).FirstOrDefault();
        if (growth is { Rate: >= MinimumGrowth })
        {
            facts[GrowthPlatform] = PlatformName(growth.Platform);
            facts[GrowthRate] = Rate(growth.Rate, language);
            facts[GrowthDays] = GrowthWindow.Days.ToString(CultureInfo.InvariantCulture);
        }

        return facts;
    }

    /// <summary>
    /// The public platforms the profile and its figures came from, for the notice: audience
    /// platforms and the web. Curated imports and the artist's own statements are not public sources.
    /// </summary>
    public static IReadOnlyList<SourceKind> SourcesOf(Artist artist, IReadOnlyList<MetricSnapshot> history)
    {
        ArgumentNullException.ThrowIfNull(artist);
        ArgumentNullException.ThrowIfNull(history);
        IEnumerable<SourceKind?> seen =
        [
            artist.Name.Provenance.Source, artist.Bio?.Provenance.Source, artist.Country?.Provenance.Source,
            artist.Genres?.Provenance.Source, artist.ImageUrl?.Provenance.Source,
            .. artist.Profiles.Select(p => (SourceKind?)p.Platform),
            .. artist.Websites.Select(w => (SourceKind?)w.Provenance.Source),
            .. artist.ContactPoints.Select(c => (SourceKind?)c.Provenance.Source),
            .. history.Select(s => (SourceKind?)s.Platform),
        ];
        return seen.OfType<SourceKind>().Where(s => AudiencePlatforms.Contains(s) || s == SourceKind.Web).Distinct().Order().ToList();
    }

    /// <summary>The platform's own spelling.</summary>
    public static string PlatformName(SourceKind platform) => platform switch
    {
        SourceKind.Spotify => "Spotify",
        SourceKind.YouTube => "YouTube",
        SourceKind.SoundCloud => "SoundCloud",
        SourceKind.Instagram => "Instagram",
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Not an audience platform."),
    };

    /// <summary>A whole number as the language writes it: 13,800 in English, 13 800 in French (a plain space, SMS-safe).</summary>
    public static string Count(long value, string language) =>
        language == CopyLanguage.French
            ? value.ToString("N0", CultureInfo.InvariantCulture).Replace(',', ' ')
            : value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A growth rate in whole percent: +38% in English, +38 % in French.</summary>
    public static string Rate(double rate, string language)
    {
        var percent = Math.Round(rate * 100, MidpointRounding.AwayFromZero).ToString("+0;-0;0", CultureInfo.InvariantCulture);
        return language == CopyLanguage.French ? $"{percent} %" : $"{percent}%";
    }

    /// <summary>The country's name in the language (ICU data), or null for a code no region has.</summary>
    private static string? CountryName(CountryCode country, string language)
    {
        try
        {
            _ = new RegionInfo(country.Value);
            return PlainText.Clean(new RegionInfo($"{language}-{country.Value}").NativeName);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

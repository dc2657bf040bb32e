using System.Globalization;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Leads;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Features;

/// <summary>
/// Feature set <c>fs-1</c> (docs/scoring.md): what the models learn from. Pure: <see cref="Compute"/>
/// reads only snapshots observed at or before <c>asOf</c>. The profile fields (platforms, market,
/// genres, reachability) are taken as the given artist has them, so callers compute a vector at the
/// time they hold the profile (scoring computes it now and stores it); training never recomputes,
/// it reads the stored vectors as of each label's time. Audiences are log10(1 + n); growth rates are clamped to
/// [−1, 5] so one noisy platform cannot dominate; an unknown value is <see cref="Missing"/>, which the
/// tree models treat as its own branch rather than as zero.
/// </summary>
public static class FeatureSetV1
{
    public const string Version = "fs-1";

    /// <summary>The value of a feature the data cannot give (no history for a window, no plays figure).</summary>
    public const float Missing = float.NaN;

    public const int SpotifyAudience = 0;
    public const int YouTubeAudience = 1;
    public const int SoundCloudAudience = 2;
    public const int InstagramAudience = 3;
    public const int TotalAudience = 4;
    public const int Growth7d = 5;
    public const int Growth28d = 6;
    public const int Growth90d = 7;
    public const int BestGrowth28d = 8;
    public const int PlaysPerFollower = 9;
    public const int Popularity = 10;
    public const int Platforms = 11;
    public const int Cadence = 12;
    public const int DaysSinceObserved = 13;
    public const int CareerStage = 14;
    public const int FrenchMarket = 15;
    public const int EnglishMarket = 16;
    public const int GenreUrban = 17;
    public const int GenrePop = 18;
    public const int GenreElectronic = 19;
    public const int GenreRock = 20;
    public const int BusinessEmail = 21;
    public const int DirectMessage = 22;
    public const int Website = 23;
    public const int Contacted = 24;
    public const int Engaged = 25;

    /// <summary>Stable feature names, in vector order.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "audience_spotify", "audience_youtube", "audience_soundcloud", "audience_instagram", "audience_total",
        "growth_7d", "growth_28d", "growth_90d", "growth_28d_best",
        "plays_per_follower", "popularity", "platforms", "cadence", "days_since_observed", "career_stage",
        "market_fr", "market_en",
        "genre_urban", "genre_pop", "genre_electronic", "genre_rock",
        "business_email", "direct_message", "website",
        "contacted", "engaged",
    ];

    public static int Count => Names.Count;

    private static readonly SourceKind[] AudiencePlatforms = [SourceKind.Spotify, SourceKind.YouTube, SourceKind.SoundCloud, SourceKind.Instagram];

    private static readonly HashSet<string> English = new(["US", "GB", "IE", "AU", "NZ", "ZA", "NG", "GH", "KE", "JM"], StringComparer.Ordinal);

    private static readonly string[] Urban = ["hip hop", "hip-hop", "rap", "trap", "drill", "r&b", "rnb", "afro", "grime", "dancehall", "reggaeton"];
    private static readonly string[] Pop = ["pop", "chanson", "variété", "variete", "singer-songwriter", "indie pop", "k-pop"];
    private static readonly string[] Electronic = ["electro", "electronic", "house", "techno", "edm", "dubstep", "drum and bass", "ambient", "synth", "lo-fi", "lofi"];
    private static readonly string[] Rock = ["rock", "metal", "punk", "grunge", "indie rock", "folk", "blues", "garage"];

    /// <summary>The platform with the largest 28-day growth in <paramref name="history"/> as of <paramref name="asOf"/> (what <see cref="BestGrowth28d"/> measured), if any.</summary>
    public static string? BestGrowthPlatform(IReadOnlyList<MetricSnapshot> history, DateTimeOffset asOf) =>
        Growth.Over(history, TimeSpan.FromDays(28), asOf).Platforms.MaxBy(p => p.Rate)?.Platform.ToString();

    /// <summary>Computes the vector of <paramref name="artist"/> as of <paramref name="asOf"/>.</summary>
    /// <param name="history">The artist's snapshots (any range; later ones are ignored).</param>
    /// <param name="stage">The lead's funnel stage at <paramref name="asOf"/> (past interactions), if it is a lead.</param>
    public static FeatureVector Compute(Artist artist, IReadOnlyList<MetricSnapshot> history, FunnelStage? stage, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(artist);
        ArgumentNullException.ThrowIfNull(history);
        var v = new float[Count];
        var seen = history.Where(s => s.ObservedAt <= asOf).ToList();
        var latest = seen.GroupBy(s => s.Platform).ToDictionary(g => g.Key, g => g.MaxBy(s => s.ObservedAt)!);

        for (var i = 0; i < AudiencePlatforms.Length; i++)
        {
            v[SpotifyAudience + i] = latest.TryGetValue(AudiencePlatforms[i], out var s) ? Log(s.Followers) : 0f;
        }

        var audience = latest.Values.Sum(s => s.Followers);
        v[TotalAudience] = Log(audience);
        v[Growth7d] = Rate(Growth.Over(seen, TimeSpan.FromDays(7), asOf).Total);
        var month = Growth.Over(seen, TimeSpan.FromDays(28), asOf);
        v[Growth28d] = Rate(month.Total);
        v[Growth90d] = Rate(Growth.Over(seen, TimeSpan.FromDays(90), asOf).Total);
        v[BestGrowth28d] = month.Platforms.Count == 0 ? Missing : Rate(month.Platforms.Max(p => p.Rate));

        var plays = latest.Values.Where(s => s.Plays is not null).ToList();
        var playsFollowers = plays.Sum(s => s.Followers);
        v[PlaysPerFollower] = plays.Count == 0 || playsFollowers <= 0 ? Missing : Log(plays.Sum(s => s.Plays!.Value) / (double)playsFollowers);
        v[Popularity] = latest.TryGetValue(SourceKind.Spotify, out var spotify) && spotify.Popularity is { } popularity ? popularity / 100f : Missing;
        v[Platforms] = Math.Max(latest.Count, artist.Profiles.Select(p => p.Platform).Distinct().Count());

        // Cadence: the share of the last 12 weeks in which some platform's audience rose.
        v[Cadence] = RisingWeeks(seen, asOf);
        v[DaysSinceObserved] = seen.Count == 0 ? Missing : (float)Math.Min(365, (asOf - seen.Max(s => s.ObservedAt)).TotalDays);
        v[CareerStage] = Stage(audience);

        var country = artist.Country?.Value.Value;
        v[FrenchMarket] = artist.Country is { } market && Outreach.Copy.CopyLanguage.ForMarket(market.Value) == Outreach.Copy.CopyLanguage.French ? 1f : 0f;
        v[EnglishMarket] = country is not null && English.Contains(country) ? 1f : 0f;

        var genres = artist.Genres?.Value ?? [];
        v[GenreUrban] = Any(genres, Urban);
        v[GenrePop] = Any(genres, Pop);
        v[GenreElectronic] = Any(genres, Electronic);
        v[GenreRock] = Any(genres, Rock);

        v[BusinessEmail] = artist.IsReachableOn(ContactChannel.Email) ? 1f : 0f;
        v[DirectMessage] = artist.IsReachableOn(ContactChannel.DirectMessage) || artist.Profiles.Any(p => p.Platform == SourceKind.Instagram) ? 1f : 0f;
        v[Website] = artist.Websites.Count > 0 ? 1f : 0f;
        v[Contacted] = stage is >= FunnelStage.Contacted and not FunnelStage.Disqualified ? 1f : 0f;
        v[Engaged] = stage is >= FunnelStage.Engaged and not FunnelStage.Disqualified and not FunnelStage.OptedOut ? 1f : 0f;
        return new FeatureVector(artist.Id, Version, asOf, v);
    }

    /// <summary>Career stage from total audience: 0 pre-launch (&lt; 500), 1 emerging (&lt; 5k), 2 developing (&lt; 250k), 3 established (&lt; 5M), 4 star.</summary>
    public static float Stage(long audience) => audience switch
    {
        < 500 => 0,
        < 5_000 => 1,
        < 250_000 => 2,
        < 5_000_000 => 3,
        _ => 4,
    };

    /// <summary>The plain words for a feature's value, used in explanations ("fast growth on Spotify: +38% in 28 days").</summary>
    /// <param name="bestPlatform">For <see cref="BestGrowth28d"/>: the platform it was measured on, when known.</param>
    public static string Describe(int feature, float value, string? bestPlatform = null)
    {
        var inv = CultureInfo.InvariantCulture;
        if (float.IsNaN(value))
        {
            return Names[feature].Replace('_', ' ') + " unknown";
        }

        return feature switch
        {
            SpotifyAudience or YouTubeAudience or SoundCloudAudience or InstagramAudience =>
                string.Create(inv, $"audience on {AudiencePlatforms[feature - SpotifyAudience]}: {Unlog(value):N0}"),
            TotalAudience => string.Create(inv, $"total audience of {Unlog(value):N0}"),
            Growth7d => Growing(value, "7 days"),
            Growth28d => Growing(value, "28 days"),
            Growth90d => Growing(value, "90 days"),
            BestGrowth28d => bestPlatform is null ? Growing(value, "28 days on the best platform") : Growing(value, "28 days", bestPlatform),
            PlaysPerFollower => string.Create(inv, $"{Unlog(value):N0} plays per follower"),
            Popularity => string.Create(inv, $"Spotify popularity {value * 100:0}/100"),
            Platforms => string.Create(inv, $"present on {value:0} platform{(value == 1 ? "" : "s")}"),
            Cadence => string.Create(inv, $"audience rose in {value * 12:0} of the last 12 weeks"),
            DaysSinceObserved => string.Create(inv, $"last seen active {value:0} days ago"),
            CareerStage => value switch { 0 => "pre-launch career stage", 1 => "emerging artist", 2 => "developing artist", 3 => "established artist", _ => "star-level audience" },
            FrenchMarket => value > 0 ? "French-speaking market" : "not a French-speaking market",
            EnglishMarket => value > 0 ? "English-speaking market" : "not an English-speaking market",
            GenreUrban => value > 0 ? "urban genres (hip-hop, R&B, afro)" : "not urban genres",
            GenrePop => value > 0 ? "pop genres" : "not pop genres",
            GenreElectronic => value > 0 ? "electronic genres" : "not electronic genres",
            GenreRock => value > 0 ? "rock and folk genres" : "not rock or folk genres",
            BusinessEmail => value > 0 ? "has a business e-mail" : "no business e-mail",
            DirectMessage => value > 0 ? "reachable by direct message" : "not reachable by direct message",
            Website => value > 0 ? "has a website" : "no website",
            Contacted => value > 0 ? "contacted before" : "never contacted",
            Engaged => value > 0 ? "engaged with us before" : "no engagement yet",
            _ => throw new ArgumentOutOfRangeException(nameof(feature), feature, "Not a feature of fs-1."),
        };
    }

    private static string Growing(float rate, string window, string? platform = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{(rate >= 0.2f ? "fast growth" : rate >= 0 ? "growth" : "decline")}{(platform is null ? "" : " on " + platform)}: {rate:+0%;−0%} in {window}");

    private static float Log(double n) => (float)Math.Log10(1 + Math.Max(0, n));

    private static double Unlog(float value) => Math.Round(Math.Pow(10, value) - 1);

    private static float Rate(double? rate) => rate is { } r ? (float)Math.Clamp(r, -1, 5) : Missing;

    private static float Any(IReadOnlyList<string> genres, string[] family) =>
        genres.Any(g => family.Any(f => g.Contains(f, StringComparison.OrdinalIgnoreCase))) ? 1f : 0f;

    private static float RisingWeeks(List<MetricSnapshot> seen, DateTimeOffset asOf)
    {
        if (seen.Count < 2)
        {
            return Missing;
        }

        var rising = 0;
        for (var week = 0; week < 12; week++)
        {
            var end = asOf - TimeSpan.FromDays(7 * week);
            var start = end - TimeSpan.FromDays(7);
            var rose = seen.GroupBy(s => s.Platform).Any(g =>
            {
                var before = g.Where(s => s.ObservedAt <= start).MaxBy(s => s.ObservedAt);
                var after = g.Where(s => s.ObservedAt > start && s.ObservedAt <= end).MaxBy(s => s.ObservedAt);
                return before is not null && after is not null && after.Followers > before.Followers;
            });
            rising += rose ? 1 : 0;
        }

        return rising / 12f;
    }
}

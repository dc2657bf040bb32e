using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Commerce;
using MonaSpark.Domain.Leads;
using MonaSpark.Domain.Sources;

namespace MonaSpark.TestKit;

/// <summary>Builders for domain objects used across tests.</summary>
public static class Samples
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static Artist Artist(string key = "luna", DateTimeOffset? at = null, string? email = "booking@luna.example")
    {
        var when = at ?? Epoch;
        var provenance = new Provenance(SourceKind.Import, $"src-{key}", when);
        var id = ArtistId.ForSource(SourceKind.Import, key);
        return new Artist
        {
            Id = id,
            Name = new Sourced<string>($"Luna Vale {key} — Élodie & the \"Quotes\"", provenance),
            Bio = new Sourced<string>("Dream-pop from Lyon.\nLine two <b>not html</b>.", provenance),
            Country = new Sourced<CountryCode>(new CountryCode("FR"), provenance),
            Genres = new Sourced<IReadOnlyList<string>>(["dream pop", "indie"], provenance),
            ImageUrl = new Sourced<Uri>(new Uri($"https://i.scdn.co/image/{key}"), provenance),
            Profiles =
            [
                new PlatformProfile(SourceKind.Spotify, $"sp-{key}", new Uri($"https://open.spotify.com/artist/sp-{key}"), provenance),
                new PlatformProfile(SourceKind.YouTube, $"yt-{key}", new Uri($"https://www.youtube.com/channel/yt-{key}"), provenance with { Source = SourceKind.YouTube }),
            ],
            ContactPoints = email is null ? [] : [new ContactPoint(ContactChannel.Email, email, LawfulBasis.LegitimateInterest, true, provenance)],
            SourceRecordIds = [$"src-{key}"],
            CreatedAt = when,
            UpdatedAt = when,
            Version = 0,
        };
    }

    public static Lead Lead(ArtistId id, long priority, FunnelStage stage = FunnelStage.Scored, DateTimeOffset? at = null)
    {
        var when = at ?? Epoch;
        var score = new Score(
            0.42,
            new Money(26600, CurrencyCode.Eur),
            "baseline-1",
            [new ScoreContribution("growth_28d", 0.21, "+ fast growth on Spotify: +38% in 28 days"), new ScoreContribution("business_email", -0.05, "− no business e-mail")],
            when);
        return new Lead
        {
            ArtistId = id,
            DisplayName = $"Artist {id}",
            Stage = stage,
            Score = score,
            Priority = priority,
            Tier = LeadTier.Warm,
            ScoredArtistVersion = 1,
            UpdatedAt = when,
        };
    }
}

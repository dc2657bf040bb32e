using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach.Copy;
using MonaSpark.Domain.Sources;
using MonaSpark.TestKit;

namespace MonaSpark.Domain.Tests.Outreach;

public class CopyFactsTests
{
    private static readonly Artist Artist = Samples.Artist();

    [Fact]
    public void From_SampleArtist_GivesNameAudienceGrowthGenresAndCountry()
    {
        var facts = CopyFacts.From(Artist, CopySamples.History(Artist.Id), Samples.Epoch, CopyLanguage.English);

        facts[CopyFacts.Artist].ShouldBe(Artist.Name.Value);
        facts[CopyFacts.MainPlatform].ShouldBe("Spotify");
        facts[CopyFacts.MainFollowers].ShouldBe("13,800");
        facts[CopyFacts.FollowersOn(SourceKind.YouTube)].ShouldBe("2,100");
        facts[CopyFacts.GrowthPlatform].ShouldBe("Spotify");
        facts[CopyFacts.GrowthRate].ShouldBe("+38%");
        facts[CopyFacts.GrowthDays].ShouldBe("28");
        facts[CopyFacts.Genre].ShouldBe("dream pop");
        facts[CopyFacts.Genres].ShouldBe("dream pop, indie");
        facts[CopyFacts.Platforms].ShouldBe("Spotify, YouTube");
        facts[CopyFacts.Country].ShouldBe("France");
    }

    [Fact]
    public void From_French_FormatsTheFrenchWay()
    {
        var facts = CopyFacts.From(Artist, CopySamples.History(Artist.Id), Samples.Epoch, CopyLanguage.French);

        facts[CopyFacts.MainFollowers].ShouldBe("13 800");
        facts[CopyFacts.GrowthRate].ShouldBe("+38 %");
    }

    [Theory]
    [InlineData("DE", CopyLanguage.English, "Germany")]
    [InlineData("DE", CopyLanguage.French, "Allemagne")]
    [InlineData("US", CopyLanguage.French, "États-Unis")]
    public void From_Country_IsNamedInTheLanguage(string code, string language, string name)
    {
        var artist = Artist with { Country = new Sourced<CountryCode>(new CountryCode(code), Artist.Name.Provenance) };

        CopyFacts.From(artist, [], Samples.Epoch, language)[CopyFacts.Country].ShouldBe(name);
    }

    [Fact]
    public void From_CountryNoRegionHas_IsLeftOut()
    {
        var artist = Artist with { Country = new Sourced<CountryCode>(new CountryCode("ZZ"), Artist.Name.Provenance) };

        CopyFacts.From(artist, [], Samples.Epoch, CopyLanguage.English).ShouldNotContainKey(CopyFacts.Country);
    }

    [Fact]
    public void From_SmallGrowthOrNoHistory_HasNoGrowthAndNoAudience()
    {
        CopyFacts.From(Artist, [], Samples.Epoch, CopyLanguage.English).Keys.ShouldNotContain(k => k.StartsWith("growth", StringComparison.Ordinal) || k.Contains("followers", StringComparison.Ordinal));

        var flat = new List<MetricSnapshot> { new(Artist.Id, SourceKind.Spotify, Samples.Epoch.AddDays(-29), 10_000), new(Artist.Id, SourceKind.Spotify, Samples.Epoch.AddDays(-1), 10_400) };
        CopyFacts.From(Artist, flat, Samples.Epoch, CopyLanguage.English).ShouldNotContainKey(CopyFacts.GrowthRate);
    }

    [Fact]
    public void From_SnapshotAfterAsOf_IsIgnored()
    {
        var history = CopySamples.History(Artist.Id).Append(new MetricSnapshot(Artist.Id, SourceKind.Spotify, Samples.Epoch.AddDays(1), 99_000)).ToList();

        CopyFacts.From(Artist, history, Samples.Epoch, CopyLanguage.English)[CopyFacts.MainFollowers].ShouldBe("13,800");
    }

    [Fact]
    public void From_NameWithInvisibleCharacters_IsCleaned()
    {
        var artist = Artist with { Name = new Sourced<string>("Lu\u200Bna\u202E Vale\n", Artist.Name.Provenance) };

        CopyFacts.From(artist, [], Samples.Epoch, CopyLanguage.English)[CopyFacts.Artist].ShouldBe("Luna Vale");
    }

    [Fact]
    public void SourcesOf_NamesPublicPlatformsOnly()
    {
        // The sample's fields come from an import (not a public source); its profiles are on Spotify and YouTube.
        CopyFacts.SourcesOf(Artist, []).ShouldBe([SourceKind.Spotify, SourceKind.YouTube]);

        var scraped = Artist with { Websites = [new Sourced<Uri>(new Uri("https://luna.example"), Artist.Name.Provenance with { Source = SourceKind.Web })] };
        CopyFacts.SourcesOf(scraped, [new MetricSnapshot(Artist.Id, SourceKind.SoundCloud, Samples.Epoch, 5)])
            .ShouldBe([SourceKind.Spotify, SourceKind.YouTube, SourceKind.SoundCloud, SourceKind.Web]);
    }

    [Fact]
    public void DefaultVariant_FollowsGrowthAndContactHistory()
    {
        var growing = CopyFacts.From(Artist, CopySamples.History(Artist.Id), Samples.Epoch, CopyLanguage.English);
        var flat = CopyFacts.From(Artist, [], Samples.Epoch, CopyLanguage.English);

        CopyVariant.DefaultFor(true, growing).ShouldBe(CopyVariant.Momentum);
        CopyVariant.DefaultFor(true, flat).ShouldBe(CopyVariant.Intro);
        CopyVariant.DefaultFor(false, growing).ShouldBe(CopyVariant.FollowUp);
        CopyVariant.Find("MOMENTUM").ShouldBe(CopyVariant.Momentum);
        CopyVariant.Find("nope").ShouldBeNull();
    }
}

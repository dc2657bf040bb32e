using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Resolution;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation;
using MonaSpark.TestKit;

namespace MonaSpark.Domain.Tests.Resolution;

public class MatchScorerTests
{
    private static MatchSubject Subject(
        string name = "Zélie",
        string? country = null,
        string[]? genres = null,
        ProfileLink[]? profiles = null,
        string? email = null) =>
        new(name, country is null ? null : new CountryCode(country), genres ?? [], profiles ?? [], email is null ? [] : [email]);

    private static ProfileLink Spotify(string id) => new(SourceKind.Spotify, id, new Uri($"https://open.spotify.com/artist/{id}"));

    [Fact]
    public void Score_SharedPlatformProfile_IsCertain()
    {
        var sut = MatchScorer.Score(Subject("A", profiles: [Spotify("sp1")]), Subject("Completely Different", profiles: [Spotify("sp1")]));

        sut.Confidence.ShouldBe(1.0);
        sut.Reasons.ShouldBe(["same Spotify profile"]);
    }

    [Fact]
    public void Score_SharedWebsite_IsAtLeast095()
    {
        var site = new ProfileLink(SourceKind.Web, "https://zelie.example/", new Uri("https://zelie.example/"));
        var other = new ProfileLink(SourceKind.Web, "http://www.zelie.example", new Uri("http://www.zelie.example"));

        var sut = MatchScorer.Score(Subject("Zélie", profiles: [site]), Subject("Zelie Music", profiles: [other]));

        sut.Confidence.ShouldBe(0.95);
        sut.Reasons.ShouldContain("same website or profile link");
    }

    [Fact]
    public void Score_SharedEmail_IsAtLeast095EvenInDifferentCountries()
    {
        var sut = MatchScorer.Score(Subject(country: "FR", email: "Booking@Zelie.example"), Subject(country: "BE", email: "booking@zelie.example"));

        sut.Confidence.ShouldBe(0.95);
        sut.Reasons.ShouldContain("same business e-mail");
    }

    [Fact]
    public void Score_SameNameOnly_Is06()
    {
        var sut = MatchScorer.Score(Subject("The Zélie"), Subject("ZELIE"));

        sut.Confidence.ShouldBe(0.6);
        sut.Reasons.ShouldBe(["same name (ignoring case, accents, articles and punctuation)", "country unknown on one side", "genres unknown on one side"]);
    }

    [Fact]
    public void Score_SameNameAndCountry_Is08()
    {
        MatchScorer.Score(Subject(country: "FR"), Subject(country: "fr")).Confidence.ShouldBe(0.8);
    }

    [Fact]
    public void Score_SameNameDifferentCountries_LosesMoreThanSameGenresGive()
    {
        var sut = MatchScorer.Score(Subject(country: "FR", genres: ["chanson"]), Subject(country: "DE", genres: ["chanson"]));

        sut.Confidence.ShouldBe(0.5);
        sut.Reasons.ShouldContain("different countries (FR and DE)");
    }

    [Fact]
    public void Score_SameNameCountryAndGenres_IsCertainEnoughToMerge()
    {
        var sut = MatchScorer.Score(Subject(country: "FR", genres: ["chanson", "indie pop"]), Subject(country: "FR", genres: ["Chanson", "Indie-Pop"]));

        sut.Confidence.ShouldBe(1.0);
        sut.Reasons.ShouldContain("2 genres in common (overlap 1)");
    }

    [Fact]
    public void Score_GenreOverlap_IsJaccardTimes02()
    {
        // {chanson, pop} ∩ {chanson, jazz, folk} = 1 of 4: 0.6 + 0.2 + 0.2 × 0.25 = 0.85
        var sut = MatchScorer.Score(Subject(country: "FR", genres: ["chanson", "pop"]), Subject(country: "FR", genres: ["chanson", "jazz", "folk"]));

        sut.Confidence.ShouldBe(0.85);
    }

    [Fact]
    public void Score_NoGenreInCommon_AddsNothing()
    {
        var sut = MatchScorer.Score(Subject(genres: ["chanson"]), Subject(genres: ["metal"]));

        sut.Confidence.ShouldBe(0.6);
        sut.Reasons.ShouldContain("no genre in common");
    }

    [Fact]
    public void Score_DifferentNamesSameCountryAndGenres_IsZero()
    {
        var sut = MatchScorer.Score(Subject("Zélie", "FR", ["chanson"]), Subject("Camille", "FR", ["chanson"]));

        sut.Confidence.ShouldBe(0);
        sut.Reasons.ShouldBe(["different names"]);
    }

    [Fact]
    public void Score_IsSymmetric()
    {
        var a = Subject("Zélie", "FR", ["chanson", "pop"]);
        var b = Subject("zelie", "FR", ["chanson"]);

        MatchScorer.Score(a, b).Confidence.ShouldBe(MatchScorer.Score(b, a).Confidence);
    }

    [Fact]
    public void Subject_OfArtistAndOfProfile_CompareTheSameFields()
    {
        var artist = Samples.Artist("a");
        var profile = new SourceProfile("x", artist.Name.Value, null, new CountryCode("FR"), ["dream pop"], null, "booking@luna.example", [], [], Samples.Epoch);

        var sut = MatchScorer.Score(MatchSubject.Of(artist), MatchSubject.Of(profile));

        // Same e-mail (0.95) beats name + country + half the genres (0.6 + 0.2 + 0.1).
        sut.Confidence.ShouldBe(0.95);
        sut.Reasons.ShouldContain("1 genre in common (overlap 0.5)");
    }
}

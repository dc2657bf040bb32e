using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation;
using MonaSpark.TestKit;

namespace MonaSpark.Domain.Tests;

public class ProfileMergerTests
{
    private static readonly DateTimeOffset Now = Samples.Epoch;

    private static SourceProfile Profile(string name = "Zélie", DateTimeOffset? observed = null, string? email = "booking@zelie.example") => new(
        "imp-1",
        name,
        "bio",
        new CountryCode("FR"),
        ["chanson"],
        null,
        email,
        [new ProfileLink(SourceKind.Spotify, "sp1", new Uri("https://open.spotify.com/artist/sp1"))],
        [new ObservedMetric(SourceKind.Spotify, Now.AddDays(-1), 1000, null, 20)],
        observed ?? Now.AddHours(-1));

    private static SourceRecord Record(string id) => new(id, SourceKind.Import, "imp-1", "{}", Now);

    [Fact]
    public void Merge_NewArtist_EveryFieldCarriesItsProvenance()
    {
        var id = ArtistId.ForSource(SourceKind.Import, "imp-1");

        var sut = ProfileMerger.Merge(null, id, Profile(), Record("src-1"), Now);

        sut.Artist.Id.ShouldBe(id);
        sut.Artist.Name.Provenance.ShouldBe(new Provenance(SourceKind.Import, "src-1", Now.AddHours(-1)));
        sut.Artist.Country!.Provenance.SourceRecordId.ShouldBe("src-1");
        sut.Artist.ContactPoints.ShouldHaveSingleItem().LawfulBasis.ShouldBe(LawfulBasis.LegitimateInterest);
        sut.Artist.Profiles.ShouldHaveSingleItem().ExternalId.ShouldBe("sp1");
        sut.Artist.SourceRecordIds.ShouldBe(["src-1"]);
        sut.Artist.Version.ShouldBe(0);
        sut.Snapshots.ShouldHaveSingleItem().Followers.ShouldBe(1000);
    }

    [Fact]
    public void Merge_NewerObservation_WinsAndIsReportedAsChanged()
    {
        var first = ProfileMerger.Merge(null, ArtistId.ForSource(SourceKind.Import, "imp-1"), Profile("Old"), Record("src-1"), Now).Artist with { Version = 3 };

        var sut = ProfileMerger.Merge(first, first.Id, Profile("New", Now), Record("src-2"), Now);

        sut.Artist.Name.Value.ShouldBe("New");
        sut.Artist.Name.Provenance.SourceRecordId.ShouldBe("src-2");
        sut.ChangedFields.ShouldContain("name");
        sut.Artist.Version.ShouldBe(3);
        sut.Artist.SourceRecordIds.ShouldBe(["src-1", "src-2"]);
        sut.Artist.ContactPoints.Count.ShouldBe(1);
        sut.Artist.Profiles.Count.ShouldBe(1);
    }

    [Fact]
    public void Merge_OlderObservation_KeepsTheCurrentValue()
    {
        var first = ProfileMerger.Merge(null, ArtistId.ForSource(SourceKind.Import, "imp-1"), Profile("Current", Now), Record("src-1"), Now).Artist;

        var sut = ProfileMerger.Merge(first, first.Id, Profile("Stale", Now.AddDays(-10)), Record("src-0"), Now);

        sut.Artist.Name.Value.ShouldBe("Current");
        sut.ChangedFields.ShouldNotContain("name");
    }

    [Fact]
    public void Prefer_SameTime_ArtistStatementBeatsPlatformBeatsImport()
    {
        var at = Now;
        var import = new Sourced<string>("import", new Provenance(SourceKind.Import, null, at));
        var spotify = new Sourced<string>("spotify", new Provenance(SourceKind.Spotify, null, at));
        var artist = new Sourced<string>("artist", new Provenance(SourceKind.Artist, null, at));

        import.Prefer(spotify).Value.ShouldBe("spotify");
        spotify.Prefer(import).Value.ShouldBe("spotify");
        spotify.Prefer(artist).Value.ShouldBe("artist");
        import.Prefer(null).Value.ShouldBe("import");
    }
}

using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Resolution;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation;
using MonaSpark.TestKit;

namespace MonaSpark.Domain.Tests.Resolution;

public class ArtistRebuilderTests
{
    private static readonly DateTimeOffset Now = Samples.Epoch;
    private static readonly SourceValidators Validators = new([new ImportValidator()]);

    private static SourceRecord Record(string name, string observedAt, DateTimeOffset fetchedAt, string? country = null)
    {
        var payload = ImportRecordValidatorTests.ValidRecord();
        payload["name"] = name;
        payload["observedAt"] = observedAt;
        if (country is not null)
        {
            payload["country"] = country;
        }

        var json = payload.ToJsonString();
        return new SourceRecord(SourceRecord.IdFor(SourceKind.Import, "imp-001", json), SourceKind.Import, "imp-001", json, fetchedAt, SourceRecordStatus.Accepted);
    }

    [Fact]
    public void Rebuild_FoldsRecordsInFetchOrder_KeepingIdentityAndLinks()
    {
        var current = Samples.Artist("a") with { Version = 7, MergedFrom = [Samples.Artist("c").Id], CreatedAt = Now.AddDays(-9) };
        var older = Record("First", "2026-10-30T00:00:00Z", Now.AddDays(-2), "FR");
        var newer = Record("Second", "2026-10-31T00:00:00Z", Now.AddDays(-1), "BE");

        var sut = ArtistRebuilder.Rebuild(current, [newer, older], Validators, Now);

        var artist = sut.Artist.ShouldNotBeNull();
        artist.Id.ShouldBe(current.Id);
        artist.Name.Value.ShouldBe("Second");
        artist.Country!.Value.Value.ShouldBe("BE");
        artist.SourceRecordIds.ShouldBe([older.Id, newer.Id]);
        artist.Version.ShouldBe(7);
        artist.CreatedAt.ShouldBe(Now.AddDays(-9));
        artist.MergedFrom.ShouldBe(current.MergedFrom);
        sut.Snapshots.Count.ShouldBe(2);
        sut.SkippedRecordIds.ShouldBeEmpty();
    }

    [Fact]
    public void Rebuild_KeepsWhatTheArtistGaveThemselves_AndDropsWhatOnlyAnotherSourceSaid()
    {
        var push = new ContactPoint(ContactChannel.WebPush, "{\"endpoint\":\"https://push.example.net/x\"}", LawfulBasis.Consent, false, new Provenance(SourceKind.Artist, null, Now));
        var scraped = new ContactPoint(ContactChannel.Email, "gone@example.com", LawfulBasis.LegitimateInterest, true, new Provenance(SourceKind.Web, "web-1", Now));
        var current = Samples.Artist("a") with { ContactPoints = [scraped, push] };

        var artist = ArtistRebuilder.Rebuild(current, [Record("Only", "2026-10-31T00:00:00Z", Now)], Validators, Now).Artist!;

        artist.ContactPoints.ShouldContain(push);
        artist.ContactPoints.ShouldNotContain(scraped);
    }

    [Fact]
    public void Rebuild_RecordNoLongerValid_IsSkippedAndReported()
    {
        var bad = new SourceRecord("src-bad", SourceKind.Import, "imp-x", "{\"name\":42}", Now, SourceRecordStatus.Accepted);
        var good = Record("Good", "2026-10-31T00:00:00Z", Now);

        var sut = ArtistRebuilder.Rebuild(Samples.Artist("a"), [bad, good], Validators, Now);

        sut.Artist!.Name.Value.ShouldBe("Good");
        sut.SkippedRecordIds.ShouldBe(["src-bad"]);
    }

    [Fact]
    public void Rebuild_NoValidRecord_GivesNoArtist() =>
        ArtistRebuilder.Rebuild(Samples.Artist("a"), [], Validators, Now).Artist.ShouldBeNull();
}

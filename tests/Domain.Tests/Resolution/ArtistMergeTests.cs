using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Resolution;
using MonaSpark.Domain.Sources;
using MonaSpark.TestKit;

namespace MonaSpark.Domain.Tests.Resolution;

public class ArtistMergeTests
{
    private static readonly DateTimeOffset Now = Samples.Epoch.AddDays(1);

    [Fact]
    public void Combine_SurvivorGetsTheUnionAndTheNewerFields()
    {
        var a = Samples.Artist("a", Samples.Epoch) with { Version = 3 };
        var b = Samples.Artist("b", Samples.Epoch.AddHours(1), email: "other@luna.example") with { Bio = null, MergedFrom = [Samples.Artist("c").Id] };

        var sut = ArtistMerge.Combine(a, b, Now);

        sut.Survivor.Id.ShouldBe(a.Id);
        sut.Survivor.Version.ShouldBe(3);
        sut.Survivor.Name.ShouldBe(b.Name);
        sut.Survivor.Bio.ShouldBe(a.Bio);
        sut.Survivor.Profiles.Select(p => p.ExternalId).ShouldBe(["sp-a", "yt-a", "sp-b", "yt-b"]);
        sut.Survivor.ContactPoints.Select(c => c.Address).ShouldBe(["booking@luna.example", "other@luna.example"]);
        sut.Survivor.SourceRecordIds.ShouldBe(["src-a", "src-b"]);
        sut.Survivor.MergedFrom.ShouldBe([b.Id, Samples.Artist("c").Id]);
        sut.Survivor.CreatedAt.ShouldBe(Samples.Epoch);
        sut.Survivor.UpdatedAt.ShouldBe(Now);
    }

    [Fact]
    public void Combine_MergedBecomesATombstoneKeepingItsOwnData()
    {
        var a = Samples.Artist("a");
        var b = Samples.Artist("b") with { Version = 2 };

        var sut = ArtistMerge.Combine(a, b, Now);

        sut.Tombstone.MergedInto.ShouldBe(a.Id);
        sut.Tombstone.Version.ShouldBe(2);
        sut.Tombstone.Profiles.ShouldBe(b.Profiles);
        sut.Tombstone.SourceRecordIds.ShouldBe(b.SourceRecordIds);
    }

    [Fact]
    public void Combine_SameEmailInAnotherCase_IsKeptOnce()
    {
        var sut = ArtistMerge.Combine(Samples.Artist("a"), Samples.Artist("b", email: "BOOKING@luna.example"), Now);

        sut.Survivor.ContactPoints.ShouldHaveSingleItem();
    }

    [Fact]
    public void Combine_FieldOnlyTheMergedHas_IsTaken()
    {
        var a = Samples.Artist("a") with { Country = null };
        var b = Samples.Artist("b") with { Country = new Sourced<CountryCode>(new CountryCode("BE"), new Provenance(SourceKind.Spotify, "src-b", Samples.Epoch)) };

        ArtistMerge.Combine(a, b, Now).Survivor.Country!.Value.Value.ShouldBe("BE");
    }

    [Fact]
    public void Combine_Itself_Throws() =>
        Should.Throw<ArgumentException>(() => ArtistMerge.Combine(Samples.Artist("a"), Samples.Artist("a"), Now));
}

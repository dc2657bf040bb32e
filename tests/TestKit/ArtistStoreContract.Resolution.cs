using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Resolution;
using MonaSpark.Domain.Sources;
using Shouldly;
using Xunit;

namespace MonaSpark.TestKit;

/// <summary>Candidate search for resolution, and merged-away artists followed to their survivor.</summary>
public abstract partial class ArtistStoreContract
{
    private static Artist Named(string key, string name, string? email = null) =>
        Samples.Artist(key, email: email) with { Name = new Sourced<string>(name, new Provenance(SourceKind.Import, $"src-{key}", Samples.Epoch)) };

    [Fact]
    public async Task FindByNameKeyAsync_FindsEverySpellingOfTheName()
    {
        var a = await Sut.SaveAsync(Named("a", "The Black Keys"), [], []);
        var b = await Sut.SaveAsync(Named("b", "BLACK KEYS!"), [], []);
        await Sut.SaveAsync(Named("c", "Black Sabbath"), [], []);

        var found = await Sut.FindByNameKeyAsync(NameKey.Of("black keys"), 10);

        found.Select(f => f.Id).OrderBy(i => i.Value, StringComparer.Ordinal).ShouldBe(new[] { a.Id, b.Id }.OrderBy(i => i.Value, StringComparer.Ordinal));
        (await Sut.FindByNameKeyAsync("nobody here", 10)).ShouldBeEmpty();
    }

    [Fact]
    public async Task FindByNameKeyAsync_RespectsMax()
    {
        foreach (var key in new[] { "a", "b", "c" })
        {
            await Sut.SaveAsync(Named(key, "Luna"), [], []);
        }

        (await Sut.FindByNameKeyAsync("luna", 2)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task FindByNameKeyAsync_RenamedArtist_IsFoundByTheNewNameOnly()
    {
        var saved = await Sut.SaveAsync(Named("a", "Old Name"), [], []);
        await Sut.SaveAsync(saved with { Name = new Sourced<string>("New Name", saved.Name.Provenance) }, [], []);

        (await Sut.FindByNameKeyAsync("old name", 10)).ShouldBeEmpty();
        (await Sut.FindByNameKeyAsync("new name", 10)).ShouldHaveSingleItem().Id.ShouldBe(saved.Id);
    }

    [Fact]
    public async Task FindByLinkAsync_IgnoresSchemeWwwAndTrailingSlash()
    {
        var artist = await Sut.SaveAsync(Samples.Artist("a"), [], []);

        (await Sut.FindByLinkAsync(new Uri("http://youtube.com/channel/yt-a/"), 10)).ShouldHaveSingleItem().Id.ShouldBe(artist.Id);
        (await Sut.FindByLinkAsync(new Uri("https://www.youtube.com/channel/yt-zzz"), 10)).ShouldBeEmpty();
    }

    [Fact]
    public async Task FindByEmailAsync_IsCaseInsensitive()
    {
        var artist = await Sut.SaveAsync(Samples.Artist("a", email: "Booking@Luna.example"), [], []);
        await Sut.SaveAsync(Samples.Artist("b", email: null), [], []);

        (await Sut.FindByEmailAsync("booking@luna.EXAMPLE", 10)).ShouldHaveSingleItem().Id.ShouldBe(artist.Id);
        (await Sut.FindByEmailAsync("other@luna.example", 10)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Finds_ATombstone_ReturnTheSurvivorOnce()
    {
        var b = Named("b", "Luna", "booking@luna.example");
        var survivor = await Sut.SaveAsync(Named("a", "Luna", "booking@luna.example") with { MergedFrom = [b.Id], Profiles = [.. Samples.Artist("a").Profiles, .. b.Profiles] }, [], []);
        await Sut.SaveAsync(b with { MergedInto = survivor.Id }, [], []);

        (await Sut.FindByProfileAsync(SourceKind.Spotify, "sp-b"))!.Id.ShouldBe(survivor.Id);
        (await Sut.FindByNameKeyAsync("luna", 10)).ShouldHaveSingleItem().Id.ShouldBe(survivor.Id);
        (await Sut.FindByEmailAsync("booking@luna.example", 10)).ShouldHaveSingleItem().Id.ShouldBe(survivor.Id);
        (await Sut.GetAsync(b.Id))!.MergedInto.ShouldBe(survivor.Id);
    }

    [Fact]
    public async Task FindByProfileAsync_RestoredArtist_OwnsItsProfilesAgain()
    {
        var b = Samples.Artist("b");
        var survivor = await Sut.SaveAsync(Samples.Artist("a") with { MergedFrom = [b.Id], Profiles = [.. Samples.Artist("a").Profiles, .. b.Profiles] }, [], []);
        var tombstone = await Sut.SaveAsync(b with { MergedInto = survivor.Id }, [], []);

        // Undo: the survivor loses b's profiles, then b is restored.
        await Sut.SaveAsync(survivor with { MergedFrom = [], Profiles = Samples.Artist("a").Profiles }, [], []);
        await Sut.SaveAsync(tombstone with { MergedInto = null }, [], []);

        (await Sut.FindByProfileAsync(SourceKind.Spotify, "sp-b"))!.Id.ShouldBe(b.Id);
        (await Sut.FindByProfileAsync(SourceKind.Spotify, "sp-a"))!.Id.ShouldBe(survivor.Id);
    }

    [Fact]
    public async Task FindCandidatesAsync_ReturnsTheUnionOfEveryKey_EachArtistOnce()
    {
        var a = await Sut.SaveAsync(Named("a", "Luna", "booking@luna.example"), [], []);
        var b = await Sut.SaveAsync(Named("b", "Luna", email: null), [], []);
        var c = await Sut.SaveAsync(Named("c", "Sol", email: null), [], []);
        await Sut.SaveAsync(Named("d", "Nobody Else", email: null), [], []);

        var found = await Sut.FindCandidatesAsync(
            [
                new MatchKey(MatchKeyKind.Name, NameKey.Of("luna")),
                new MatchKey(MatchKeyKind.Email, MatchKeys.Email("Booking@Luna.example")),
                new MatchKey(MatchKeyKind.Link, MatchKeys.Link(new Uri("http://youtube.com/channel/yt-c/"))),
                new MatchKey(MatchKeyKind.Link, MatchKeys.Link(new Uri("https://open.spotify.com/artist/sp-a"))),
                new MatchKey(MatchKeyKind.Email, "nobody@nowhere.example"),
            ],
            10);

        found.Select(f => f.Id.Value).Order(StringComparer.Ordinal).ShouldBe(new[] { a.Id.Value, b.Id.Value, c.Id.Value }.Order(StringComparer.Ordinal));
        found.Single(f => f.Id == a.Id).Version.ShouldBe(1);
    }

    [Fact]
    public async Task FindCandidatesAsync_AppliesMaxPerKey_AsTheSingleKeyFindsDo()
    {
        foreach (var key in new[] { "a", "b", "c" })
        {
            await Sut.SaveAsync(Named(key, "Luna", $"{key}@luna.example"), [], []);
        }

        var expected = (await Sut.FindByNameKeyAsync("luna", 2))
            .Concat(await Sut.FindByEmailAsync("c@luna.example", 2))
            .Select(a => a.Id.Value)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        var found = await Sut.FindCandidatesAsync(
            [new MatchKey(MatchKeyKind.Name, "luna"), new MatchKey(MatchKeyKind.Email, "c@luna.example")],
            2);

        found.Select(f => f.Id.Value).Order(StringComparer.Ordinal).ShouldBe(expected);
        (await Sut.FindCandidatesAsync([new MatchKey(MatchKeyKind.Name, "luna")], 2)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task FindCandidatesAsync_ATombstone_ReturnsTheSurvivorOnce()
    {
        var b = Named("b", "Luna", "booking@luna.example");
        var survivor = await Sut.SaveAsync(Named("a", "Luna", "booking@luna.example") with { MergedFrom = [b.Id], Profiles = [.. Samples.Artist("a").Profiles, .. b.Profiles] }, [], []);
        await Sut.SaveAsync(b with { MergedInto = survivor.Id }, [], []);

        var found = await Sut.FindCandidatesAsync(
            [new MatchKey(MatchKeyKind.Name, "luna"), new MatchKey(MatchKeyKind.Email, "booking@luna.example")],
            10);

        found.ShouldHaveSingleItem().Id.ShouldBe(survivor.Id);
    }

    [Fact]
    public async Task FindCandidatesAsync_NoKeysOrUnknownKeys_ReturnsNothing()
    {
        await Sut.SaveAsync(Named("a", "Luna"), [], []);

        (await Sut.FindCandidatesAsync([], 10)).ShouldBeEmpty();
        (await Sut.FindCandidatesAsync([new MatchKey(MatchKeyKind.Name, "nobody here")], 10)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CountAsync_LeavesTombstonesOut()
    {
        var survivor = await Sut.SaveAsync(Samples.Artist("a"), [], []);
        await Sut.SaveAsync(Samples.Artist("b") with { MergedInto = survivor.Id }, [], []);

        (await Sut.CountAsync()).ShouldBe(1);
    }
}

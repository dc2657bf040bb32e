using MonaSpark.Application.Landing;
using MonaSpark.Application.Options;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Commerce;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Application.Tests.Outreach;

/// <summary>Landing pages' content from their token, their views, and each artist's current link, over the SQLite stores.</summary>
public sealed class LandingPagesTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private readonly OutreachHarness _harness = new(Now);
    private readonly LandingOptions _options = new();

    public void Dispose() => _harness.Dispose();

    private LandingPages Sut() => new(
        _harness.LinkTokens(),
        _harness.Artists,
        _harness.Messages,
        _harness.ReadModels,
        _harness.Journal,
        Microsoft.Extensions.Options.Options.Create(_harness.OutreachOptions),
        Microsoft.Extensions.Options.Options.Create(new CopywritingOptions { PublicBaseUrl = new Uri("https://monaspark.example") }),
        Microsoft.Extensions.Options.Options.Create(_options),
        _harness.Time);

    private string TokenFor(ArtistId artist, TimeSpan? lifetime = null) => _harness.LinkTokens().Mint(artist, Now + (lifetime ?? TimeSpan.FromDays(30)));

    [Fact]
    public async Task Load_AFrenchArtist_TheirNumbersAndTheOfferInEuros()
    {
        _harness.OutreachOptions.ApplyDefaults();
        var artist = await _harness.AddArtistAsync();
        await _harness.Artists.SaveAsync(artist, [
            new MetricSnapshot(artist.Id, SourceKind.Spotify, Now.AddDays(-28), 1_000),
            new MetricSnapshot(artist.Id, SourceKind.Spotify, Now.AddDays(-1), 1_500),
            new MetricSnapshot(artist.Id, SourceKind.YouTube, Now.AddDays(-2), 300),
        ], []);

        var load = await Sut().LoadAsync(TokenFor(artist.Id));

        load.Status.ShouldBe(LandingStatus.Ready);
        var content = load.Content!;
        content.Language.ShouldBe("fr");
        content.ArtistName.ShouldBe(artist.Name.Value);
        content.ImageUrl.ShouldBe(artist.ImageUrl!.Value);
        content.Momentum.Audience.ShouldBe(1_800);
        content.Momentum.Platforms.ShouldBe(2);
        content.Offer.Price.ShouldBe(new Money(1_900, CurrencyCode.Eur));
        content.ProofPoints.ShouldBe(_options.ProofPointsIn("fr"));
        content.ExpiresAt.ShouldBe(Now.AddDays(30));
        content.Version.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Load_TheVariantOfTheMessageThatCarriedTheLink()
    {
        _harness.OutreachOptions.ApplyDefaults();
        var artist = await _harness.AddArtistAsync();
        await _harness.AddMessageAsync(artist); // campaign first-contact, variant intro

        (await Sut().LoadAsync(TokenFor(artist.Id))).Content!.VariantId.ShouldBe("intro");
    }

    [Fact]
    public async Task Load_SameContent_SameVersion_ChangedArtist_NewVersion()
    {
        _harness.OutreachOptions.ApplyDefaults();
        var artist = await _harness.AddArtistAsync();
        var token = TokenFor(artist.Id);
        var first = (await Sut().LoadAsync(token)).Content!.Version;

        (await Sut().LoadAsync(token)).Content!.Version.ShouldBe(first);
        var renamed = artist with { Name = artist.Name with { Value = "Luna Vale (new name)" } };
        await _harness.Artists.SaveAsync(renamed, [], []);
        (await Sut().LoadAsync(token)).Content!.Version.ShouldNotBe(first);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-link")]
    [InlineData("AUVJ5wABI0VniavN7wEj7Jqr7jkTEDTfcJt1dBa1cA")]
    public async Task Load_NotOurLink_NotFound(string? token) =>
        (await Sut().LoadAsync(token)).ShouldBe(LandingLoad.NotFound);

    [Fact]
    public async Task Load_Expired_GoneButNotUnknown()
    {
        _harness.OutreachOptions.ApplyDefaults();
        var artist = await _harness.AddArtistAsync();
        var token = TokenFor(artist.Id, TimeSpan.FromDays(1));
        _harness.Time.Advance(TimeSpan.FromDays(2));

        (await Sut().LoadAsync(token)).ShouldBe(LandingLoad.Expired);
    }

    [Fact]
    public async Task Load_AnArtistWhoIsNoLongerThere_NotFound()
    {
        _harness.OutreachOptions.ApplyDefaults();

        (await Sut().LoadAsync(TokenFor(ArtistId.ForSource(SourceKind.Import, "gone")))).ShouldBe(LandingLoad.NotFound);
    }

    [Fact]
    public async Task RecordView_CountsOncePerWindow_ThenAgain()
    {
        var artist = await _harness.AddArtistAsync();
        var token = TokenFor(artist.Id);
        var sut = Sut();

        (await sut.RecordViewAsync(token, "momentum")).ShouldBe((LandingStatus.Ready, true));
        _harness.Time.Advance(TimeSpan.FromMinutes(9));
        (await sut.RecordViewAsync(token, "momentum")).ShouldBe((LandingStatus.Ready, false));
        _harness.Time.Advance(TimeSpan.FromMinutes(2));
        (await sut.RecordViewAsync(token, "<script>")).ShouldBe((LandingStatus.Ready, true));

        var views = (await _harness.EventsAsync()).OfType<LandingViewed>().ToList();
        views.Select(v => v.VariantId).ShouldBe(["momentum", "unknown"]);
        views.ShouldAllBe(v => v.StreamId == artist.Id.Value);
    }

    [Fact]
    public async Task RecordView_ExpiredOrUnknownLink_NothingCounted()
    {
        var artist = await _harness.AddArtistAsync();
        var token = TokenFor(artist.Id, TimeSpan.FromMinutes(1));
        _harness.Time.Advance(TimeSpan.FromMinutes(2));

        (await Sut().RecordViewAsync(token, "intro")).Status.ShouldBe(LandingStatus.Expired);
        (await Sut().RecordViewAsync("nope", "intro")).Status.ShouldBe(LandingStatus.NotFound);
        (await _harness.EventsAsync()).OfType<LandingViewed>().ShouldBeEmpty();
    }

    [Fact]
    public async Task CurrentLink_TheLatestMessagesLinkWhileValid()
    {
        var artist = await _harness.AddArtistAsync();
        var sut = Sut();
        (await sut.CurrentLinkAsync(artist.Id)).ShouldBeNull();

        var token = TokenFor(artist.Id, TimeSpan.FromDays(3));
        var message = await _harness.AddMessageAsync(artist);
        await _harness.Messages.DeleteByArtistAsync(artist.Id);
        await _harness.Messages.AddAsync(message with { UnsubscribeUrl = new Uri($"https://monaspark.example/u/{token}") });

        (await sut.CurrentLinkAsync(artist.Id)).ShouldBe(new Uri($"https://monaspark.example/l/{token}"));
        _harness.Time.Advance(TimeSpan.FromDays(4));
        (await sut.CurrentLinkAsync(artist.Id)).ShouldBeNull();
    }
}

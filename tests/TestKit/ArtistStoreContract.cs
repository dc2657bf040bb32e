using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Sources;
using Shouldly;
using Xunit;

namespace MonaSpark.TestKit;

/// <summary>The behaviour every <see cref="IArtistStore"/> adapter must show.</summary>
public abstract partial class ArtistStoreContract : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = new(Samples.Epoch);

    private IArtistStore? _sut;
    private IJournal? _journal;

    protected IArtistStore Sut => _sut ?? throw new InvalidOperationException("Not initialised.");

    protected IJournal Journal => _journal ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Creates a fresh, empty store and the journal it appends to.</summary>
    protected abstract Task<(IArtistStore Store, IJournal Journal)> CreateAsync(TimeProvider time);

    public async Task InitializeAsync() => (_sut, _journal) = await CreateAsync(Time);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetAsync_Missing_ReturnsNull() =>
        (await Sut.GetAsync(ArtistId.ForSource(SourceKind.Import, "nobody"))).ShouldBeNull();

    [Fact]
    public async Task SaveAsync_New_RoundTripsEveryFieldWithProvenance()
    {
        var artist = Samples.Artist();

        var saved = await Sut.SaveAsync(artist, [], []);
        var loaded = await Sut.GetAsync(artist.Id);

        saved.Version.ShouldBe(1);
        loaded.ShouldNotBeNull();
        loaded.Version.ShouldBe(1);
        loaded.Name.ShouldBe(artist.Name);
        loaded.Bio.ShouldBe(artist.Bio);
        loaded.Country.ShouldBe(artist.Country);
        loaded.Genres!.Value.ShouldBe(artist.Genres!.Value);
        loaded.Genres.Provenance.ShouldBe(artist.Genres.Provenance);
        loaded.ImageUrl.ShouldBe(artist.ImageUrl);
        loaded.Profiles.ShouldBe(artist.Profiles);
        loaded.ContactPoints.ShouldBe(artist.ContactPoints);
        loaded.SourceRecordIds.ShouldBe(artist.SourceRecordIds);
        loaded.CreatedAt.ShouldBe(artist.CreatedAt);
        loaded.UpdatedAt.ShouldBe(artist.UpdatedAt);
        loaded.MergedFrom.ShouldBeEmpty();
        loaded.MergedInto.ShouldBeNull();
    }

    [Fact]
    public async Task SaveAsync_MergeLinks_RoundTrip()
    {
        var survivor = Samples.Artist("a") with { MergedFrom = [Samples.Artist("b").Id, Samples.Artist("c").Id] };
        var tombstone = Samples.Artist("b") with { MergedInto = survivor.Id };

        await Sut.SaveAsync(survivor, [], []);
        await Sut.SaveAsync(tombstone, [], []);

        (await Sut.GetAsync(survivor.Id))!.MergedFrom.ShouldBe(survivor.MergedFrom);
        (await Sut.GetAsync(tombstone.Id))!.MergedInto.ShouldBe(survivor.Id);
    }

    [Fact]
    public async Task SaveAsync_WithOptionalFieldsMissing_RoundTrips()
    {
        var artist = Samples.Artist("bare", email: null) with { Bio = null, Country = null, Genres = null, ImageUrl = null, Profiles = [] };

        await Sut.SaveAsync(artist, [], []);
        var loaded = await Sut.GetAsync(artist.Id);

        loaded.ShouldNotBeNull();
        loaded.Bio.ShouldBeNull();
        loaded.Country.ShouldBeNull();
        loaded.Genres.ShouldBeNull();
        loaded.ImageUrl.ShouldBeNull();
        loaded.Profiles.ShouldBeEmpty();
        loaded.ContactPoints.ShouldBeEmpty();
    }

    [Fact]
    public async Task SaveAsync_AppendsEventsToTheJournalInOrder()
    {
        var artist = Samples.Artist();
        DomainEvent[] events =
        [
            new ArtistDiscovered(artist.Id.Value, Samples.Epoch, "src-luna", SourceKind.Import),
            new MetricsObserved(artist.Id.Value, Samples.Epoch, SourceKind.Spotify, 1200, Samples.Epoch.AddDays(-1)),
        ];

        await Sut.SaveAsync(artist, [], events);

        (await Journal.AllEventsAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task SaveAsync_Update_IncrementsVersionAndReplacesFields()
    {
        var saved = await Sut.SaveAsync(Samples.Artist(), [], []);
        var renamed = saved with { Name = new Sourced<string>("Luna", saved.Name.Provenance), UpdatedAt = Samples.Epoch.AddHours(1) };

        var again = await Sut.SaveAsync(renamed, [], []);
        var loaded = await Sut.GetAsync(saved.Id);

        again.Version.ShouldBe(2);
        loaded!.Version.ShouldBe(2);
        loaded.Name.Value.ShouldBe("Luna");
        loaded.UpdatedAt.ShouldBe(Samples.Epoch.AddHours(1));
    }

    [Fact]
    public async Task SaveAsync_StaleVersion_ThrowsAndWritesNothing()
    {
        var first = await Sut.SaveAsync(Samples.Artist(), [], []);
        await Sut.SaveAsync(first with { UpdatedAt = Samples.Epoch.AddHours(1) }, [], []);
        var head = await Journal.GetHeadAsync();
        var snapshot = new MetricSnapshot(first.Id, SourceKind.Spotify, Samples.Epoch, 10);

        await Should.ThrowAsync<ConcurrencyException>(() => Sut.SaveAsync(
            first with { Name = new Sourced<string>("Stale", first.Name.Provenance) },
            [snapshot],
            [new ProfileEnriched(first.Id.Value, Samples.Epoch, "src-x", ["name"])]));

        (await Sut.GetAsync(first.Id))!.Name.Value.ShouldNotBe("Stale");
        (await Journal.GetHeadAsync()).ShouldBe(head);
        (await Sut.GetSnapshotsAsync(first.Id, DateTimeOffset.MinValue)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SaveAsync_NewArtistThatAlreadyExists_Throws()
    {
        await Sut.SaveAsync(Samples.Artist(), [], []);

        await Should.ThrowAsync<ConcurrencyException>(() => Sut.SaveAsync(Samples.Artist(), [], []));
    }

    [Fact]
    public async Task FindByProfileAsync_ReturnsTheOwner()
    {
        var artist = await Sut.SaveAsync(Samples.Artist("a"), [], []);
        await Sut.SaveAsync(Samples.Artist("b"), [], []);

        (await Sut.FindByProfileAsync(SourceKind.YouTube, "yt-a"))!.Id.ShouldBe(artist.Id);
        (await Sut.FindByProfileAsync(SourceKind.Spotify, "yt-a")).ShouldBeNull();
        (await Sut.FindByProfileAsync(SourceKind.Spotify, "sp-zzz")).ShouldBeNull();
    }

    [Fact]
    public async Task SaveAsync_Snapshots_AreAppendedOnceAndReadOldestFirst()
    {
        var artist = Samples.Artist();
        var s1 = new MetricSnapshot(artist.Id, SourceKind.Spotify, Samples.Epoch.AddDays(-30), 1000, 50_000, 31);
        var s2 = new MetricSnapshot(artist.Id, SourceKind.Spotify, Samples.Epoch.AddDays(-1), 1400, null, null);
        var s3 = new MetricSnapshot(artist.Id, SourceKind.YouTube, Samples.Epoch.AddDays(-2), 800);
        var saved = await Sut.SaveAsync(artist, [s2, s1], []);

        // The same observation again (a replayed record) is ignored; a new one is added.
        await Sut.SaveAsync(saved, [s1, s3], []);

        var all = await Sut.GetSnapshotsAsync(artist.Id, DateTimeOffset.MinValue);
        all.ShouldBe([s1, s3, s2]);
        (await Sut.GetSnapshotsAsync(artist.Id, Samples.Epoch.AddDays(-2))).ShouldBe([s3, s2]);
    }

    [Fact]
    public async Task GetSnapshotsAsync_OtherArtist_SeesNone()
    {
        var a = Samples.Artist("a");
        await Sut.SaveAsync(a, [new MetricSnapshot(a.Id, SourceKind.Spotify, Samples.Epoch, 5)], []);

        (await Sut.GetSnapshotsAsync(Samples.Artist("b").Id, DateTimeOffset.MinValue)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CountAsync_CountsArtists()
    {
        (await Sut.CountAsync()).ShouldBe(0);
        await Sut.SaveAsync(Samples.Artist("a"), [], []);
        await Sut.SaveAsync(Samples.Artist("b"), [], []);

        (await Sut.CountAsync()).ShouldBe(2);
    }
}

using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.TestKit;
using NSubstitute;

namespace MonaSpark.Application.Tests;

public class MergeArtistsTests
{
    private readonly IArtistStore _artists = Substitute.For<IArtistStore>();
    private readonly IWorkQueue _queue = Substitute.For<IWorkQueue>();
    private readonly ILeadStore _leads = Substitute.For<ILeadStore>();
    private readonly FakeTimeProvider _time = new(Samples.Epoch.AddDays(1));
    private readonly MergeArtists _sut;
    private readonly Artist _a = Samples.Artist("a") with { Version = 2 };
    private readonly Artist _b = Samples.Artist("b") with { Version = 5 };

    public MergeArtistsTests()
    {
        _sut = new MergeArtists(_artists, _leads, _queue, _time);
        _artists.SaveAsync(Arg.Any<Artist>(), Arg.Any<IReadOnlyList<MetricSnapshot>>(), Arg.Any<IReadOnlyList<DomainEvent>>(), Arg.Any<CancellationToken>())
            .Returns(call => call.Arg<Artist>() with { Version = call.Arg<Artist>().Version + 1 });
        Stored(_a);
        Stored(_b);
    }

    private void Stored(Artist artist) => _artists.GetAsync(artist.Id, Arg.Any<CancellationToken>()).Returns(artist);

    [Fact]
    public async Task MergeAsync_SavesTheSurvivorWithTheEventThenTheTombstoneAndQueuesScoring()
    {
        var survivor = await _sut.MergeAsync(_a.Id, _b.Id, 0.9);

        survivor!.Version.ShouldBe(3);
        Received.InOrder(() =>
        {
            _artists.SaveAsync(
                Arg.Is<Artist>(a => a.Id == _a.Id && a.Version == 2 && a.MergedFrom.Single() == _b.Id && a.SourceRecordIds.Count == 2),
                Arg.Is<IReadOnlyList<MetricSnapshot>>(s => s.Count == 0),
                Arg.Is<IReadOnlyList<DomainEvent>>(e => e.Single() is ArtistMerged && ((ArtistMerged)e[0]).MergedArtistId == _b.Id.Value && ((ArtistMerged)e[0]).Confidence == 0.9),
                Arg.Any<CancellationToken>());
            _artists.SaveAsync(
                Arg.Is<Artist>(a => a.Id == _b.Id && a.Version == 5 && a.MergedInto == _a.Id),
                Arg.Any<IReadOnlyList<MetricSnapshot>>(),
                Arg.Is<IReadOnlyList<DomainEvent>>(e => e.Count == 0),
                Arg.Any<CancellationToken>());
        });
        await _queue.Received(1).EnqueueAsync(new WorkItem($"score:{_a.Id}:3", WorkKinds.ScoreArtist, _a.Id.Value), Arg.Any<CancellationToken>());
        await _queue.Received(1).EnqueueAsync(new WorkItem($"embed:{_a.Id}:3", WorkKinds.EmbedArtist, _a.Id.Value), Arg.Any<CancellationToken>());
        await _queue.Received(1).EnqueueAsync(new WorkItem($"embed:{_b.Id}:6", WorkKinds.EmbedArtist, _b.Id.Value), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task MergeAsync_MergedArtistsLead_LeavesThePriorityList()
    {
        _leads.GetAsync(_b.Id, Arg.Any<CancellationToken>()).Returns(Samples.Lead(_b.Id, 9000, Domain.Leads.FunnelStage.Qualified));

        await _sut.MergeAsync(_a.Id, _b.Id, 0.9);

        await _leads.Received(1).SaveAsync(
            Arg.Is<Domain.Leads.Lead>(l => l.ArtistId == _b.Id && l.Stage == Domain.Leads.FunnelStage.Disqualified && l.Score == null && l.Priority == 0),
            Arg.Any<IReadOnlyList<DomainEvent>>(),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task MergeAsync_MergedArtistAlreadyContacted_KeepsItsLead()
    {
        _leads.GetAsync(_b.Id, Arg.Any<CancellationToken>()).Returns(Samples.Lead(_b.Id, 9000, Domain.Leads.FunnelStage.Contacted));

        await _sut.MergeAsync(_a.Id, _b.Id, 0.9);

        await _leads.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default);
    }

    [Fact]
    public async Task MergeAsync_AlreadyDone_ChangesNothing()
    {
        Stored(_a with { MergedFrom = [_b.Id] });
        Stored(_b with { MergedInto = _a.Id });

        await _sut.MergeAsync(_a.Id, _b.Id, 0.9);

        await _artists.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default!, default);
    }

    [Fact]
    public async Task MergeAsync_CrashedBeforeTheTombstone_OnlyCompletesIt()
    {
        Stored(_a with { MergedFrom = [_b.Id] });

        await _sut.MergeAsync(_a.Id, _b.Id, 0.9);

        await _artists.Received(1).SaveAsync(Arg.Any<Artist>(), Arg.Any<IReadOnlyList<MetricSnapshot>>(), Arg.Any<IReadOnlyList<DomainEvent>>(), Arg.Any<CancellationToken>());
        await _artists.Received(1).SaveAsync(Arg.Is<Artist>(a => a.Id == _b.Id && a.MergedInto == _a.Id), Arg.Any<IReadOnlyList<MetricSnapshot>>(), Arg.Is<IReadOnlyList<DomainEvent>>(e => e.Count == 0), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task MergeAsync_SurvivorIsATombstone_MergesIntoItsSurvivor()
    {
        var c = Samples.Artist("c") with { Version = 1 };
        Stored(c);
        Stored(_a with { MergedInto = c.Id });

        var survivor = await _sut.MergeAsync(_a.Id, _b.Id, 1.0);

        survivor!.Id.ShouldBe(c.Id);
        await _artists.Received(1).SaveAsync(Arg.Is<Artist>(a => a.Id == _b.Id && a.MergedInto == c.Id), Arg.Any<IReadOnlyList<MetricSnapshot>>(), Arg.Any<IReadOnlyList<DomainEvent>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task MergeAsync_MissingArtist_DoesNothing()
    {
        (await _sut.MergeAsync(_a.Id, Samples.Artist("zzz").Id, 1.0))!.Id.ShouldBe(_a.Id);

        await _artists.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default!, default);
    }
}

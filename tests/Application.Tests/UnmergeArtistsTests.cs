using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Resolution;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation;
using MonaSpark.TestKit;
using NSubstitute;

namespace MonaSpark.Application.Tests;

public class UnmergeArtistsTests
{
    private readonly IArtistStore _artists = Substitute.For<IArtistStore>();
    private readonly ISourceRecordStore _records = Substitute.For<ISourceRecordStore>();
    private readonly IWorkQueue _queue = Substitute.For<IWorkQueue>();
    private readonly FakeTimeProvider _time = new(Samples.Epoch.AddDays(1));
    private readonly UnmergeArtists _sut;
    private readonly SourceRecord _recordA;
    private readonly SourceRecord _recordB;
    private readonly Artist _survivor;
    private readonly Artist _tombstone;

    public UnmergeArtistsTests()
    {
        _sut = new UnmergeArtists(_artists, _records, _queue, new SourceValidators([new ImportValidator()]), _time);
        _artists.SaveAsync(Arg.Any<Artist>(), Arg.Any<IReadOnlyList<MetricSnapshot>>(), Arg.Any<IReadOnlyList<DomainEvent>>(), Arg.Any<CancellationToken>())
            .Returns(call => call.Arg<Artist>() with { Version = call.Arg<Artist>().Version + 1 });
        _recordA = Record("imp-a", "Luna", "sp-a");
        _recordB = Record("imp-b", "Luna B", "sp-b");
        var a = Samples.Artist("a") with { SourceRecordIds = [_recordA.Id], Version = 1 };
        var b = Samples.Artist("b") with { SourceRecordIds = [_recordB.Id], Version = 1, MergedFrom = [Samples.Artist("c").Id] };
        var merged = ArtistMerge.Combine(a, b, Samples.Epoch);
        _survivor = merged.Survivor with { Version = 2, MergedFrom = [.. merged.Survivor.MergedFrom, Samples.Artist("d").Id] };
        _tombstone = merged.Tombstone with { Version = 2 };
        _artists.GetAsync(_survivor.Id, Arg.Any<CancellationToken>()).Returns(_survivor);
        _artists.GetAsync(_tombstone.Id, Arg.Any<CancellationToken>()).Returns(_tombstone);
    }

    private SourceRecord Record(string id, string name, string spotify)
    {
        var json = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["profiles"] = new JsonArray(new JsonObject { ["platform"] = "spotify", ["id"] = spotify, ["url"] = $"https://open.spotify.com/artist/{spotify}" }),
            ["observedAt"] = "2026-10-31T00:00:00Z",
        }.ToJsonString();
        var record = new SourceRecord(SourceRecord.IdFor(SourceKind.Import, id, json), SourceKind.Import, id, json, Samples.Epoch, SourceRecordStatus.Accepted);
        _records.GetAsync(record.Id, Arg.Any<CancellationToken>()).Returns(record);
        return record;
    }

    [Fact]
    public async Task UnmergeAsync_RebuildsTheSurvivorFromItsOwnRecordsAndRestoresTheOther()
    {
        (await _sut.UnmergeAsync(_survivor.Id, _tombstone.Id)).ShouldBeTrue();

        Received.InOrder(() =>
        {
            _artists.SaveAsync(
                Arg.Is<Artist>(a => a.Id == _survivor.Id && a.Version == 2 && a.Name.Value == "Luna"
                    && a.SourceRecordIds.SequenceEqual(new[] { _recordA.Id })
                    && a.Profiles.Single().ExternalId == "sp-a"
                    && a.MergedFrom.SequenceEqual(new[] { Samples.Artist("d").Id })),
                Arg.Is<IReadOnlyList<MetricSnapshot>>(s => s.Count == 0),
                Arg.Is<IReadOnlyList<DomainEvent>>(e => e.Single() is ArtistUnmerged && ((ArtistUnmerged)e[0]).UnmergedArtistId == _tombstone.Id.Value),
                Arg.Any<CancellationToken>());
            _artists.SaveAsync(
                Arg.Is<Artist>(a => a.Id == _tombstone.Id && a.MergedInto == null && a.Version == 2),
                Arg.Any<IReadOnlyList<MetricSnapshot>>(),
                Arg.Any<IReadOnlyList<DomainEvent>>(),
                Arg.Any<CancellationToken>());
        });
        await _queue.Received(1).EnqueueAsync(new WorkItem($"score:{_survivor.Id}:3", WorkKinds.ScoreArtist, _survivor.Id.Value), Arg.Any<CancellationToken>());
        await _queue.Received(1).EnqueueAsync(new WorkItem($"score:{_tombstone.Id}:3", WorkKinds.ScoreArtist, _tombstone.Id.Value), Arg.Any<CancellationToken>());
        await _queue.Received(1).EnqueueAsync(new WorkItem($"embed:{_survivor.Id}:3", WorkKinds.EmbedArtist, _survivor.Id.Value), Arg.Any<CancellationToken>());
        await _queue.Received(1).EnqueueAsync(new WorkItem($"embed:{_tombstone.Id}:3", WorkKinds.EmbedArtist, _tombstone.Id.Value), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task UnmergeAsync_SurvivorAlreadyRebuilt_OnlyRestoresTheOther()
    {
        _artists.GetAsync(_survivor.Id, Arg.Any<CancellationToken>()).Returns(_survivor with { MergedFrom = [] });

        (await _sut.UnmergeAsync(_survivor.Id, _tombstone.Id)).ShouldBeTrue();

        await _artists.Received(1).SaveAsync(Arg.Any<Artist>(), Arg.Any<IReadOnlyList<MetricSnapshot>>(), Arg.Any<IReadOnlyList<DomainEvent>>(), Arg.Any<CancellationToken>());
        await _artists.Received(1).SaveAsync(Arg.Is<Artist>(a => a.Id == _tombstone.Id && a.MergedInto == null), Arg.Any<IReadOnlyList<MetricSnapshot>>(), Arg.Any<IReadOnlyList<DomainEvent>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task UnmergeAsync_NotMerged_ReturnsFalseAndChangesNothing()
    {
        _artists.GetAsync(_tombstone.Id, Arg.Any<CancellationToken>()).Returns(_tombstone with { MergedInto = null });
        _artists.GetAsync(_survivor.Id, Arg.Any<CancellationToken>()).Returns(_survivor with { MergedFrom = [] });

        (await _sut.UnmergeAsync(_survivor.Id, _tombstone.Id)).ShouldBeFalse();

        await _artists.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default!, default);
        await _queue.DidNotReceiveWithAnyArgs().EnqueueAsync(default!, default);
    }

    [Fact]
    public async Task UnmergeAsync_NoValidOwnRecord_Throws()
    {
        _records.GetAsync(_recordA.Id, Arg.Any<CancellationToken>()).Returns((SourceRecord?)null);

        await Should.ThrowAsync<InvalidOperationException>(() => _sut.UnmergeAsync(_survivor.Id, _tombstone.Id));
    }
}

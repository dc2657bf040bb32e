using System.Diagnostics.Metrics;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Ingestion;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Application.Telemetry;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation;
using MonaSpark.TestKit;
using NSubstitute;

namespace MonaSpark.Application.Tests;

public class ProcessSourceRecordHandlerTests
{
    private readonly ISourceRecordStore _records = Substitute.For<ISourceRecordStore>();
    private readonly IQuarantineStore _quarantine = Substitute.For<IQuarantineStore>();
    private readonly IArtistStore _artists = Substitute.For<IArtistStore>();
    private readonly IWorkQueue _queue = Substitute.For<IWorkQueue>();
    private readonly IMatchReviewStore _reviews = Substitute.For<IMatchReviewStore>();
    private readonly FakeTimeProvider _time = new(Samples.Epoch);
    private readonly ProcessSourceRecordHandler _sut;

    public ProcessSourceRecordHandlerTests()
    {
        _sut = new ProcessSourceRecordHandler(
            _records,
            _quarantine,
            _artists,
            _queue,
            new SourceValidators([new ImportValidator()]),
            _time,
            new MonaSparkTelemetry(new TestMeterFactory()),
            new ArtistResolver(_artists, Microsoft.Extensions.Options.Options.Create(new ResolutionOptions())),
            new MergeArtists(_artists, Substitute.For<ILeadStore>(), _queue, _time),
            _reviews);
        _artists.FindCandidatesAsync(default!, default, default).ReturnsForAnyArgs([]);
        _artists.SaveAsync(Arg.Any<Artist>(), Arg.Any<IReadOnlyList<MetricSnapshot>>(), Arg.Any<IReadOnlyList<DomainEvent>>(), Arg.Any<CancellationToken>())
            .Returns(call => call.Arg<Artist>() with { Version = call.Arg<Artist>().Version + 1 });
    }

    private SourceRecord Land(string payload, SourceRecordStatus status = SourceRecordStatus.Pending)
    {
        var record = new SourceRecord(SourceRecord.IdFor(SourceKind.Import, "imp-001", payload), SourceKind.Import, "imp-001", payload, Samples.Epoch, status);
        _records.GetAsync(record.Id, Arg.Any<CancellationToken>()).Returns(record);
        return record;
    }

    private static WorkItem Work(SourceRecord record) => new($"process:{record.Id}", WorkKinds.ProcessSourceRecord, record.Id);

    [Fact]
    public async Task HandleAsync_ValidNewArtist_SavesWithEventsAndQueuesScoring()
    {
        var record = Land(ImportRecordValidatorTestsShim.Valid());

        await _sut.HandleAsync(Work(record), CancellationToken.None);

        var id = ArtistId.ForSource(SourceKind.Import, "imp-001");
        await _artists.Received(1).SaveAsync(
            Arg.Is<Artist>(a => a.Id == id && a.Version == 0),
            Arg.Is<IReadOnlyList<MetricSnapshot>>(s => s.Count == 1),
            Arg.Is<IReadOnlyList<DomainEvent>>(e => e.Count == 2 && e[0] is ArtistDiscovered && e[1] is MetricsObserved),
            Arg.Any<CancellationToken>());
        await _queue.Received(1).EnqueueAsync(new WorkItem($"score:{id}:1", WorkKinds.ScoreArtist, id.Value), Arg.Any<CancellationToken>());
        await _queue.Received(1).EnqueueAsync(new WorkItem($"embed:{id}:1", WorkKinds.EmbedArtist, id.Value), Arg.Any<CancellationToken>());
        await _records.Received(1).SetStatusAsync(record.Id, SourceRecordStatus.Accepted, Arg.Any<CancellationToken>());
        await _quarantine.DidNotReceiveWithAnyArgs().AddAsync(default!, default!, default);
    }

    [Fact]
    public async Task HandleAsync_InvalidRecord_IsQuarantinedWithEveryReason()
    {
        var record = Land("{\"id\":\"imp-001\",\"name\":42}");

        await _sut.HandleAsync(Work(record), CancellationToken.None);

        await _quarantine.Received(1).AddAsync(
            Arg.Is<QuarantinedRecord>(q => q.SourceRecordId == record.Id && q.Payload == record.Payload && q.Reasons.Count == 2),
            Arg.Is<IReadOnlyList<DomainEvent>>(e => e.Single() is RecordQuarantined),
            Arg.Any<CancellationToken>());
        await _records.Received(1).SetStatusAsync(record.Id, SourceRecordStatus.Quarantined, Arg.Any<CancellationToken>());
        await _artists.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default!, default);
    }

    [Fact]
    public async Task HandleAsync_AlreadyProcessed_ChangesNothing()
    {
        var record = Land(ImportRecordValidatorTestsShim.Valid(), SourceRecordStatus.Accepted);

        await _sut.HandleAsync(Work(record), CancellationToken.None);

        await _artists.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default!, default);
        await _queue.DidNotReceiveWithAnyArgs().EnqueueAsync(default!, default);
    }

    [Fact]
    public async Task HandleAsync_RecordAlreadyFoldedIn_OnlyRequeuesScoring()
    {
        // Crash after the artist save but before the status update: the replay must not merge twice.
        var record = Land(ImportRecordValidatorTestsShim.Valid());
        var existing = Samples.Artist() with { Id = ArtistId.ForSource(SourceKind.Import, "imp-001"), SourceRecordIds = [record.Id], Version = 4 };
        _artists.GetAsync(existing.Id, Arg.Any<CancellationToken>()).Returns(existing);

        await _sut.HandleAsync(Work(record), CancellationToken.None);

        await _artists.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default!, default);
        await _queue.Received(1).EnqueueAsync(new WorkItem($"score:{existing.Id}:4", WorkKinds.ScoreArtist, existing.Id.Value), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_KnownPlatformProfile_EnrichesTheOwner()
    {
        var record = Land(ImportRecordValidatorTestsShim.Valid());
        var owner = Samples.Artist("owner") with { Version = 2 };
        _artists.FindByProfileAsync(SourceKind.Spotify, "sp1", Arg.Any<CancellationToken>()).Returns(owner);

        await _sut.HandleAsync(Work(record), CancellationToken.None);

        await _artists.Received(1).SaveAsync(
            Arg.Is<Artist>(a => a.Id == owner.Id && a.Version == 2),
            Arg.Any<IReadOnlyList<MetricSnapshot>>(),
            Arg.Is<IReadOnlyList<DomainEvent>>(e => e[0] is ProfileEnriched),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_MissingRecord_IsAPermanentFailure()
    {
        await Should.ThrowAsync<PermanentWorkException>(() => _sut.HandleAsync(new WorkItem("process:x", WorkKinds.ProcessSourceRecord, "src-missing"), CancellationToken.None));
    }
}

internal static class ImportRecordValidatorTestsShim
{
    public static string Valid() =>
        "{\"id\":\"imp-001\",\"name\":\"Zélie\",\"email\":\"booking@zelie.example\",\"profiles\":[{\"platform\":\"spotify\",\"id\":\"sp1\",\"url\":\"https://open.spotify.com/artist/sp1\"}],"
        + "\"metrics\":[{\"platform\":\"spotify\",\"observedAt\":\"2026-10-30T00:00:00Z\",\"followers\":1200}],\"observedAt\":\"2026-10-31T00:00:00Z\"}";
}

internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(m => m.Dispose());
}

using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Scoring;
using MonaSpark.Application.Telemetry;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Leads;
using MonaSpark.Domain.Sources;
using MonaSpark.TestKit;
using NSubstitute;

namespace MonaSpark.Application.Tests;

public class ScoreArtistHandlerTests
{
    private readonly IArtistStore _artists = Substitute.For<IArtistStore>();
    private readonly ILeadStore _leads = Substitute.For<ILeadStore>();
    private readonly IFeatureStore _features = Substitute.For<IFeatureStore>();
    private readonly FakeTimeProvider _time = new(Samples.Epoch);
    private readonly ScoringOptions _options = new();
    private readonly ScoreArtistHandler _sut;
    private readonly Artist _artist = Samples.Artist() with { Version = 1 };

    public ScoreArtistHandlerTests()
    {
        var options = Microsoft.Extensions.Options.Options.Create(_options);
        var registry = Substitute.For<IModelRegistry>();
        registry.GetRolesAsync(Arg.Any<CancellationToken>()).Returns(ModelRoles.None);
        var scorers = new ActiveLeadScorers(
            registry,
            Substitute.For<ILeadModelTrainer>(),
            new BaselineLeadScorer(options),
            Microsoft.Extensions.Options.Options.Create(new TrainingOptions()),
            _time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ActiveLeadScorers>.Instance);
        _sut = new ScoreArtistHandler(_artists, _leads, _features, scorers, options, _time, new MonaSparkTelemetry(new TestMeterFactory()));
        _artists.GetAsync(_artist.Id, Arg.Any<CancellationToken>()).Returns(_artist);
        _artists.GetSnapshotsAsync(_artist.Id, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(
        [
            new MetricSnapshot(_artist.Id, SourceKind.Spotify, Samples.Epoch.AddDays(-29), 10_000),
            new MetricSnapshot(_artist.Id, SourceKind.Spotify, Samples.Epoch.AddDays(-1), 13_800),
        ]);
        _leads.SaveAsync(Arg.Any<Lead>(), Arg.Any<IReadOnlyList<DomainEvent>>(), Arg.Any<CancellationToken>()).Returns(c => c.Arg<Lead>());
    }

    private WorkItem Work => new($"score:{_artist.Id}:1", WorkKinds.ScoreArtist, _artist.Id.Value);

    [Fact]
    public async Task HandleAsync_NewLead_IsScoredQualifiedAndJournaled()
    {
        await _sut.HandleAsync(Work, CancellationToken.None);

        // p = 0.816, value = 1900 × 14 × 1.5 = 39900, priority = 0.816 × 39900 − 150 = 32408
        await _leads.Received(1).SaveAsync(
            Arg.Is<Lead>(l => l.Stage == FunnelStage.Qualified && l.Priority == 32408 && l.Tier == LeadTier.Hot && l.ScoredArtistVersion == 1 && l.DisplayName == _artist.Name.Value),
            Arg.Is<IReadOnlyList<DomainEvent>>(e => e.Count == 2 && e[0] is LeadScored && e[1] is LeadQualified),
            Arg.Any<CancellationToken>());
        await _features.Received(1).SaveAsync(
            Arg.Is<Domain.Features.FeatureVector>(v => v.ArtistId == _artist.Id && v.AsOf == Samples.Epoch && v.FeatureSet == Domain.Features.FeatureSetV1.Version),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_BelowThreshold_IsScoredNotQualified()
    {
        _options.QualificationThresholdMinor = 1_000_000;

        await _sut.HandleAsync(Work, CancellationToken.None);

        await _leads.Received(1).SaveAsync(
            Arg.Is<Lead>(l => l.Stage == FunnelStage.Scored),
            Arg.Is<IReadOnlyList<DomainEvent>>(e => e.Count == 1),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_SameArtistVersionAlreadyScored_ChangesNothing()
    {
        _leads.GetAsync(_artist.Id, Arg.Any<CancellationToken>()).Returns(Samples.Lead(_artist.Id, 10) with { ScoredArtistVersion = 1 });

        await _sut.HandleAsync(Work, CancellationToken.None);

        await _leads.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default);
    }

    [Fact]
    public async Task HandleAsync_LeadAlreadyContacted_KeepsItsStage()
    {
        _leads.GetAsync(_artist.Id, Arg.Any<CancellationToken>()).Returns(Samples.Lead(_artist.Id, 10, FunnelStage.Contacted) with { ScoredArtistVersion = 0, Version = 3 });

        await _sut.HandleAsync(Work, CancellationToken.None);

        await _leads.Received(1).SaveAsync(Arg.Is<Lead>(l => l.Stage == FunnelStage.Contacted && l.Version == 3), Arg.Any<IReadOnlyList<DomainEvent>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_ErasedArtist_DoesNothing()
    {
        _artists.GetAsync(_artist.Id, Arg.Any<CancellationToken>()).Returns((Artist?)null);

        await _sut.HandleAsync(Work, CancellationToken.None);

        await _leads.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default);
    }

    [Fact]
    public async Task HandleAsync_Tombstone_IsNotScored()
    {
        _artists.GetAsync(_artist.Id, Arg.Any<CancellationToken>()).Returns(_artist with { MergedInto = Samples.Artist("survivor").Id });

        await _sut.HandleAsync(Work, CancellationToken.None);

        await _leads.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default);
    }

    [Fact]
    public async Task HandleAsync_Survivor_ReadsTheSnapshotsOfTheArtistsMergedIntoIt()
    {
        var merged = Samples.Artist("merged").Id;
        _artists.GetAsync(_artist.Id, Arg.Any<CancellationToken>()).Returns(_artist with { MergedFrom = [merged] });
        _artists.GetSnapshotsAsync(_artist.Id, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(
            [new MetricSnapshot(_artist.Id, SourceKind.Spotify, Samples.Epoch.AddDays(-1), 13_800)]);
        _artists.GetSnapshotsAsync(merged, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(
            [new MetricSnapshot(merged, SourceKind.Spotify, Samples.Epoch.AddDays(-29), 10_000)]);

        await _sut.HandleAsync(Work, CancellationToken.None);

        // The same outcome as one artist holding both snapshots: the 28-day growth is seen.
        await _leads.Received(1).SaveAsync(Arg.Is<Lead>(l => l.Priority == 32408), Arg.Any<IReadOnlyList<DomainEvent>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_BadSubject_IsAPermanentFailure() =>
        await Should.ThrowAsync<PermanentWorkException>(() => _sut.HandleAsync(new WorkItem("x", WorkKinds.ScoreArtist, "not an id"), CancellationToken.None));
}

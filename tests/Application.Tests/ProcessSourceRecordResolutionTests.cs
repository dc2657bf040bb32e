using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Ingestion;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Application.Telemetry;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Resolution;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation;
using MonaSpark.TestKit;
using NSubstitute;

namespace MonaSpark.Application.Tests;

/// <summary>Resolution of records that share no platform id with a known artist, and records that link two artists.</summary>
public class ProcessSourceRecordResolutionTests
{
    private readonly ISourceRecordStore _records = Substitute.For<ISourceRecordStore>();
    private readonly IArtistStore _artists = Substitute.For<IArtistStore>();
    private readonly IWorkQueue _queue = Substitute.For<IWorkQueue>();
    private readonly IMatchReviewStore _reviews = Substitute.For<IMatchReviewStore>();
    private readonly FakeTimeProvider _time = new(Samples.Epoch);
    private readonly ResolutionOptions _options = new();
    private readonly ProcessSourceRecordHandler _sut;

    public ProcessSourceRecordResolutionTests()
    {
        _sut = new ProcessSourceRecordHandler(
            _records,
            Substitute.For<IQuarantineStore>(),
            _artists,
            _queue,
            new SourceValidators([new ImportValidator()]),
            _time,
            new MonaSparkTelemetry(new TestMeterFactory()),
            new ArtistResolver(_artists, Microsoft.Extensions.Options.Options.Create(_options)),
            new MergeArtists(_artists, Substitute.For<ILeadStore>(), _queue, _time),
            _reviews);
        _artists.SaveAsync(Arg.Any<Artist>(), Arg.Any<IReadOnlyList<MetricSnapshot>>(), Arg.Any<IReadOnlyList<DomainEvent>>(), Arg.Any<CancellationToken>())
            .Returns(call => call.Arg<Artist>() with { Version = call.Arg<Artist>().Version + 1 });
        _artists.FindCandidatesAsync(default!, default, default).ReturnsForAnyArgs([]);
    }

    /// <summary>The store finds <paramref name="found"/> when resolution asks, with the default 20 per key, for candidates under <paramref name="key"/>.</summary>
    private void Candidates(MatchKey key, params Artist[] found) =>
        _artists.FindCandidatesAsync(Arg.Is<IReadOnlyList<MatchKey>>(keys => keys.Contains(key)), 20, Arg.Any<CancellationToken>()).Returns(found);

    private static ArtistId NewId => ArtistId.ForSource(SourceKind.Import, "imp-new");

    private SourceRecord Land(string name = "Luna", string? country = "FR", string[]? genres = null, string? email = null, params string[] spotifyIds)
    {
        var payload = new JsonObject
        {
            ["id"] = "imp-new",
            ["name"] = name,
            ["genres"] = new JsonArray((genres ?? ["dream pop"]).Select(g => (JsonNode)g).ToArray()),
            ["profiles"] = new JsonArray(spotifyIds.Select(id => (JsonNode)new JsonObject { ["platform"] = "spotify", ["id"] = id, ["url"] = $"https://open.spotify.com/artist/{id}" }).ToArray()),
            ["observedAt"] = "2026-10-31T00:00:00Z",
        };
        if (country is not null)
        {
            payload["country"] = country;
        }

        if (email is not null)
        {
            payload["email"] = email;
        }

        var json = payload.ToJsonString();
        var record = new SourceRecord(SourceRecord.IdFor(SourceKind.Import, "imp-new", json), SourceKind.Import, "imp-new", json, Samples.Epoch);
        _records.GetAsync(record.Id, Arg.Any<CancellationToken>()).Returns(record);
        return record;
    }

    private Artist Known(string key, string name = "Luna", string country = "FR", string[]? genres = null, int version = 1)
    {
        var provenance = new Provenance(SourceKind.Import, $"src-{key}", Samples.Epoch.AddDays(-3));
        var artist = Samples.Artist(key, Samples.Epoch.AddDays(-3)) with
        {
            Name = new Sourced<string>(name, provenance),
            Country = new Sourced<CountryCode>(new CountryCode(country), provenance),
            Genres = new Sourced<IReadOnlyList<string>>(genres ?? ["dream pop"], provenance),
            Version = version,
        };
        _artists.GetAsync(artist.Id, Arg.Any<CancellationToken>()).Returns(artist);
        return artist;
    }

    private Task Handle(SourceRecord record) => _sut.HandleAsync(new WorkItem($"process:{record.Id}", WorkKinds.ProcessSourceRecord, record.Id), CancellationToken.None);

    [Fact]
    public async Task HandleAsync_ConfidentNameMatch_EnrichesTheCandidateWithTheConfidence()
    {
        var known = Known("luna");
        Candidates(new MatchKey(MatchKeyKind.Name, "luna"), known);
        var record = Land("LUNA");

        await Handle(record);

        await _artists.Received(1).SaveAsync(
            Arg.Is<Artist>(a => a.Id == known.Id && a.SourceRecordIds.Contains(record.Id)),
            Arg.Any<IReadOnlyList<MetricSnapshot>>(),
            Arg.Is<IReadOnlyList<DomainEvent>>(e => e[0] is ProfileEnriched && ((ProfileEnriched)e[0]).MatchConfidence == 1.0),
            Arg.Any<CancellationToken>());
        await _reviews.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
    }

    [Fact]
    public async Task HandleAsync_UncertainNameMatch_CreatesANewArtistAndAReview()
    {
        var known = Known("luna", genres: ["metal"]);
        Candidates(new MatchKey(MatchKeyKind.Name, "luna"), known);
        var record = Land("Luna");

        await Handle(record);

        // Same name and country, no genre in common: 0.8, between review (0.6) and merge (0.85).
        await _reviews.Received(1).AddAsync(
            Arg.Is<MatchReview>(r => r.ArtistA == known.Id && r.ArtistB == NewId && r.Confidence == 0.8 && r.SourceRecordId == record.Id && r.Reasons.Contains("no genre in common")),
            Arg.Any<CancellationToken>());
        await _artists.Received(1).SaveAsync(
            Arg.Is<Artist>(a => a.Id == NewId && a.Version == 0),
            Arg.Any<IReadOnlyList<MetricSnapshot>>(),
            Arg.Is<IReadOnlyList<DomainEvent>>(e => e[0] is ArtistDiscovered),
            Arg.Any<CancellationToken>());
        await _artists.DidNotReceive().SaveAsync(Arg.Is<Artist>(a => a.Id == known.Id), Arg.Any<IReadOnlyList<MetricSnapshot>>(), Arg.Any<IReadOnlyList<DomainEvent>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_WeakNameMatch_CreatesANewArtistWithoutReview()
    {
        var known = Known("luna", country: "DE");
        Candidates(new MatchKey(MatchKeyKind.Name, "luna"), known);

        await Handle(Land("Luna"));

        await _reviews.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
        await _artists.Received(1).SaveAsync(Arg.Is<Artist>(a => a.Id == NewId), Arg.Any<IReadOnlyList<MetricSnapshot>>(), Arg.Any<IReadOnlyList<DomainEvent>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_LoweredAutoMergeThreshold_MergesANameOnlyMatch()
    {
        _options.AutoMergeThreshold = 0.6;
        var known = Known("luna", genres: ["metal"]);
        Candidates(new MatchKey(MatchKeyKind.Name, "luna"), known);

        await Handle(Land("Luna"));

        await _artists.Received(1).SaveAsync(
            Arg.Is<Artist>(a => a.Id == known.Id),
            Arg.Any<IReadOnlyList<MetricSnapshot>>(),
            Arg.Is<IReadOnlyList<DomainEvent>>(e => ((ProfileEnriched)e[0]).MatchConfidence == 0.8),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_SharedEmail_JoinsTheArtistDespiteAnotherName()
    {
        var known = Known("luna");
        Candidates(new MatchKey(MatchKeyKind.Email, "booking@luna.example"), known);

        await Handle(Land("Luna Vale Project", email: "booking@luna.example"));

        await _artists.Received(1).SaveAsync(
            Arg.Is<Artist>(a => a.Id == known.Id),
            Arg.Any<IReadOnlyList<MetricSnapshot>>(),
            Arg.Is<IReadOnlyList<DomainEvent>>(e => ((ProfileEnriched)e[0]).MatchConfidence == 0.95),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_RecordLinkingTwoArtists_MergesTheNewerIntoTheOlderThenFolds()
    {
        var older = Known("a") with { CreatedAt = Samples.Epoch.AddDays(-10) };
        var newer = Known("b");
        _artists.GetAsync(older.Id, Arg.Any<CancellationToken>()).Returns(older);
        _artists.FindByProfileAsync(SourceKind.Spotify, "sp-b", Arg.Any<CancellationToken>()).Returns(newer);
        _artists.FindByProfileAsync(SourceKind.Spotify, "sp-a", Arg.Any<CancellationToken>()).Returns(older);
        var record = Land("Luna", spotifyIds: ["sp-b", "sp-a"]);

        await Handle(record);

        Received.InOrder(() =>
        {
            _artists.SaveAsync(
                Arg.Is<Artist>(a => a.Id == older.Id && a.MergedFrom.Contains(newer.Id) && !a.SourceRecordIds.Contains(record.Id)),
                Arg.Any<IReadOnlyList<MetricSnapshot>>(),
                Arg.Is<IReadOnlyList<DomainEvent>>(e => e.Single() is ArtistMerged),
                Arg.Any<CancellationToken>());
            _artists.SaveAsync(Arg.Is<Artist>(a => a.Id == newer.Id && a.MergedInto == older.Id), Arg.Any<IReadOnlyList<MetricSnapshot>>(), Arg.Any<IReadOnlyList<DomainEvent>>(), Arg.Any<CancellationToken>());
            _artists.SaveAsync(
                Arg.Is<Artist>(a => a.Id == older.Id && a.Version == 2 && a.SourceRecordIds.Contains(record.Id)),
                Arg.Any<IReadOnlyList<MetricSnapshot>>(),
                Arg.Is<IReadOnlyList<DomainEvent>>(e => e[0] is ProfileEnriched),
                Arg.Any<CancellationToken>());
        });
    }
}

using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Projections;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Leads;
using MonaSpark.TestKit;
using Shouldly;
using Xunit;

namespace MonaSpark.Adapters.Local.Tests;

/// <summary>Projections of the SQLite journal into the SQLite read models: follow, replay safely, rebuild identically.</summary>
public sealed class ProjectionRunnerTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();
    private readonly SqliteJournal _journal;
    private readonly SqliteReadModelStore _store;
    private readonly ProjectionRunner _sut;

    public ProjectionRunnerTests()
    {
        var database = _directory.Open();
        _journal = new SqliteJournal(database, new FakeTimeProvider(Samples.Epoch));
        _store = new SqliteReadModelStore(database);
        _sut = new ProjectionRunner(_journal, _store, [new FunnelProjection(), new ContactHistoryProjection()]);
    }

    public void Dispose() => _directory.Delete();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<FunnelCounts> FunnelAsync(string key = FunnelProjection.Real) =>
        JsonSerializer.Deserialize<FunnelCounts>((await _store.GetAsync(FunnelProjection.ProjectionName, key))!.Json, Json)!;

    private static IReadOnlyList<DomainEvent> Journey(string artist, int hour, bool converts) =>
    [
        new LeadScored(artist, Samples.Epoch.AddHours(hour), 0.7, 39_900, "EUR", 27_780, "baseline-1", LeadTier.Hot),
        new LeadQualified(artist, Samples.Epoch.AddHours(hour), 27_780),
        new OutreachSent(artist, Samples.Epoch.AddHours(hour + 1), $"msg-{artist}", "cmp-1", "var-a", ContactChannel.Email),
        new LinkClicked(artist, Samples.Epoch.AddHours(hour + 2), $"msg-{artist}"),
        .. converts
            ? new DomainEvent[] { new SignupCompleted(artist, Samples.Epoch.AddHours(hour + 3), "offer-1", TimeSpan.FromMinutes(2)), new PaymentSucceeded(artist, Samples.Epoch.AddHours(hour + 4), "sub-1", 1_900, "EUR") }
            : [new OptedOut(artist, Samples.Epoch.AddHours(hour + 3), null, "unsubscribe-link")],
    ];

    [Fact]
    public async Task CatchUp_FollowsTheJournal_FromItsCheckpoint()
    {
        await _journal.AppendAsync(Journey("art-1", 0, converts: true));
        await _sut.CatchUpAllAsync();
        await _journal.AppendAsync(Journey("art-2", 10, converts: false));
        await _journal.AppendAsync(Journey("art-sim1", 20, converts: true));

        await _sut.CatchUpAllAsync();

        (await FunnelAsync()).ShouldBe(new FunnelCounts(Scored: 2, Qualified: 2, Contacted: 2, Clicked: 2, Signups: 1, Payments: 1, PaidMinor: 1_900, OptedOut: 1, Onboarding: OnboardingTimes.Empty.Add(TimeSpan.FromSeconds(120))));
        (await FunnelAsync(FunnelProjection.Simulated)).Signups.ShouldBe(1); // simulated outcomes never mix with the real funnel
        var history = JsonSerializer.Deserialize<List<ContactHistoryEntry>>((await _store.GetAsync(ContactHistoryProjection.ProjectionName, "art-2"))!.Json, Json)!;
        history.Select(h => h.What).ShouldBe(["sent", "clicked", "opted-out"]);
        history[0].Channel.ShouldBe("Email");
        (await _store.GetCheckpointAsync(FunnelProjection.ProjectionName)).ShouldBe(await _journal.GetHeadAsync());
    }

    [Fact]
    public async Task CatchUp_Again_ChangesNothing()
    {
        await _journal.AppendAsync(Journey("art-1", 0, converts: true));
        await _sut.CatchUpAllAsync();
        var before = await _store.ListAsync(FunnelProjection.ProjectionName, 100);

        (await _sut.CatchUpAllAsync()).Values.ShouldAllBe(n => n == 0);

        (await _store.ListAsync(FunnelProjection.ProjectionName, 100)).ShouldBe(before);
    }

    [Fact]
    public async Task CatchUp_AfterASaveCutShortBeforeItsCheckpoint_AppliesNothingTwice()
    {
        await _journal.AppendAsync(Journey("art-1", 0, converts: true));
        await _sut.CatchUpAllAsync();
        var done = await _store.ListAsync(FunnelProjection.ProjectionName, 100);

        // As if the rows were saved and the process died before the checkpoint moved.
        await _store.SaveAsync(FunnelProjection.ProjectionName, done, checkpoint: 0);
        await _sut.CatchUpAllAsync();

        (await FunnelAsync()).Signups.ShouldBe(1);
        (await FunnelAsync()).PaidMinor.ShouldBe(1_900);
    }

    [Fact]
    public async Task Rebuild_FromNothing_GivesIdenticalReadModels()
    {
        for (var i = 0; i < 300; i++)
        {
            await _journal.AppendAsync(Journey($"art-{i}", i, converts: i % 3 == 0));
            if (i % 97 == 0)
            {
                await _sut.CatchUpAllAsync(); // followed in several steps, as a running host does
            }
        }

        await _sut.CatchUpAllAsync();
        var followed = new Dictionary<string, IReadOnlyList<ReadModelRow>>();
        foreach (var projection in _sut.Projections)
        {
            followed[projection.Name] = await _store.ListAsync(projection.Name, 10_000);
        }

        foreach (var projection in _sut.Projections)
        {
            await _sut.RebuildAsync(projection);
            (await _store.ListAsync(projection.Name, 10_000)).Select(r => (r.Key, r.Json)).ShouldBe(followed[projection.Name].Select(r => (r.Key, r.Json)));
        }

        (await FunnelAsync()).Contacted.ShouldBe(300);
    }

    [Fact]
    public async Task Erasure_LeavesOnlyThatItHappened()
    {
        await _journal.AppendAsync(Journey("art-1", 0, converts: false));
        await _journal.AppendAsync([new DataErased("art-1", Samples.Epoch.AddDays(1), "request")]);

        await _sut.CatchUpAllAsync();

        var history = JsonSerializer.Deserialize<List<ContactHistoryEntry>>((await _store.GetAsync(ContactHistoryProjection.ProjectionName, "art-1"))!.Json, Json)!;
        history.ShouldHaveSingleItem().What.ShouldBe("erased");
    }
}

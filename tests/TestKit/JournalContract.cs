using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Leads;
using MonaSpark.Domain.Sources;
using Shouldly;
using Xunit;

namespace MonaSpark.TestKit;

/// <summary>The behaviour every <see cref="IJournal"/> adapter must show.</summary>
public abstract class JournalContract : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = new(Samples.Epoch);

    private IJournal? _sut;

    protected IJournal Sut => _sut ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<IJournal> CreateAsync(TimeProvider time);

    public async Task InitializeAsync() => _sut = await CreateAsync(Time);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>One event of every type, so each survives the adapter's serialisation.</summary>
    public static IReadOnlyList<DomainEvent> EveryEventType()
    {
        var at = Samples.Epoch;
        return
        [
            new SourceRecordIngested("src-1", at, "src-1", SourceKind.Import),
            new RecordQuarantined("src-2", at, "src-2", SourceKind.Spotify, ["type", "url"]),
            new ArtistDiscovered("art-1", at, "src-1", SourceKind.Import),
            new ProfileEnriched("art-1", at, "src-3", ["bio", "genres"]),
            new ArtistMerged("art-1", at, "art-2", 0.93),
            new ArtistUnmerged("art-1", at, "art-2"),
            new ProfileEnriched("art-1", at, "src-4", ["name"], 0.87),
            new MetricsObserved("art-1", at, SourceKind.YouTube, 1234, at.AddDays(-1)),
            new LeadScored("art-1", at, 0.42, 26600, "EUR", 9022, "baseline-1", LeadTier.Warm),
            new LeadQualified("art-1", at, 9022),
            new OutreachSent("art-1", at, "msg-1", "cmp-1", "var-a", ContactChannel.Email),
            new LinkClicked("art-1", at, "msg-1"),
            new LandingViewed("art-1", at, "var-a"),
            new SignupCompleted("art-1", at, "offer-pro", TimeSpan.FromSeconds(131)),
            new PaymentSucceeded("art-1", at, "sub-1", 1900, "EUR"),
            new OptedOut("art-1", at, null, "list-unsubscribe"),
            new DataErased("art-1", at, "portal"),
        ];
    }

    private static string Json(DomainEvent e) => JsonSerializer.Serialize(e);

    [Fact]
    public async Task GetHeadAsync_Empty_IsZero() => (await Sut.GetHeadAsync()).ShouldBe(0);

    [Fact]
    public async Task ReadAsync_Empty_ReturnsNothing() => (await Sut.ReadAsync(0, 10)).ShouldBeEmpty();

    [Fact]
    public async Task AppendAsync_EveryEventType_RoundTripsInOrder()
    {
        var events = EveryEventType();

        var last = await Sut.AppendAsync(events);
        var read = await Sut.ReadAsync(0, 100);

        read.Select(e => Json(e.Event)).ShouldBe(events.Select(Json));
        read[^1].Position.ShouldBe(last);
        (await Sut.GetHeadAsync()).ShouldBe(last);
    }

    [Fact]
    public async Task AppendAsync_PositionsStrictlyIncrease()
    {
        await Sut.AppendAsync(EveryEventType().Take(3).ToList());
        await Sut.AppendAsync(EveryEventType().Skip(3).Take(2).ToList());

        var positions = (await Sut.ReadAsync(0, 100)).Select(e => e.Position).ToList();

        positions.Count.ShouldBe(5);
        positions.ShouldBeInOrder(SortDirection.Ascending);
        positions.Distinct().Count().ShouldBe(5);
        positions[0].ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task AppendAsync_Nothing_ReturnsHead()
    {
        var last = await Sut.AppendAsync(EveryEventType().Take(2).ToList());

        (await Sut.AppendAsync([])).ShouldBe(last);
    }

    [Fact]
    public async Task ReadAsync_FromCheckpoint_PagesThroughEverything()
    {
        var events = EveryEventType();
        await Sut.AppendAsync(events);

        var seen = new List<JournalEntry>();
        long checkpoint = 0;
        while ((await Sut.ReadAsync(checkpoint, 4)) is { Count: > 0 } page)
        {
            page.Count.ShouldBeLessThanOrEqualTo(4);
            seen.AddRange(page);
            checkpoint = page[^1].Position;
        }

        seen.Select(e => Json(e.Event)).ShouldBe(events.Select(Json));
    }

    [Fact]
    public async Task AppendAsync_Concurrent_GivesEveryEventItsOwnPosition()
    {
        var tasks = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await Sut.AppendAsync([new LinkClicked($"art-{writer}", Samples.Epoch, $"msg-{writer}-{i}")]);
            }
        }));
        await Task.WhenAll(tasks);

        var all = await Sut.ReadAsync(0, 1000);

        all.Count.ShouldBe(40);
        all.Select(e => e.Position).Distinct().Count().ShouldBe(40);
        all.Select(e => e.Position).ShouldBeInOrder(SortDirection.Ascending);
        // Each writer's events keep their order.
        foreach (var writer in Enumerable.Range(0, 4))
        {
            all.Select(e => e.Event).OfType<LinkClicked>().Where(e => e.StreamId == $"art-{writer}").Select(e => e.MessageId)
                .ShouldBe(Enumerable.Range(0, 10).Select(i => $"msg-{writer}-{i}"));
        }
    }
}

using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Leads;
using MonaSpark.Domain.Sources;
using Shouldly;
using Xunit;

namespace MonaSpark.TestKit;

/// <summary>The behaviour every <see cref="ILeadStore"/> adapter must show.</summary>
public abstract class LeadStoreContract : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = new(Samples.Epoch);

    private ILeadStore? _sut;
    private IJournal? _journal;

    protected ILeadStore Sut => _sut ?? throw new InvalidOperationException("Not initialised.");

    protected IJournal Journal => _journal ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<(ILeadStore Store, IJournal Journal)> CreateAsync(TimeProvider time);

    public async Task InitializeAsync() => (_sut, _journal) = await CreateAsync(Time);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static ArtistId Id(string key) => ArtistId.ForSource(SourceKind.Import, key);

    [Fact]
    public async Task SaveAsync_New_RoundTripsScoreAndExplanation()
    {
        var lead = Samples.Lead(Id("a"), 5000);

        var saved = await Sut.SaveAsync(lead, [new LeadScored(lead.ArtistId.Value, Samples.Epoch, 0.42, 26600, "EUR", 5000, "baseline-1", LeadTier.Warm)]);
        var loaded = await Sut.GetAsync(lead.ArtistId);

        saved.Version.ShouldBe(1);
        loaded.ShouldNotBeNull();
        loaded.Version.ShouldBe(1);
        loaded.DisplayName.ShouldBe(lead.DisplayName);
        loaded.Stage.ShouldBe(FunnelStage.Scored);
        loaded.Priority.ShouldBe(5000);
        loaded.Tier.ShouldBe(LeadTier.Warm);
        loaded.ScoredArtistVersion.ShouldBe(1);
        loaded.UpdatedAt.ShouldBe(Samples.Epoch);
        loaded.Score!.Probability.ShouldBe(0.42);
        loaded.Score.ExpectedValue.ShouldBe(lead.Score!.ExpectedValue);
        loaded.Score.ModelVersion.ShouldBe("baseline-1");
        loaded.Score.ScoredAt.ShouldBe(Samples.Epoch);
        loaded.Score.Explanation.ShouldBe(lead.Score.Explanation);
        (await Journal.AllEventsAsync()).ShouldHaveSingleItem().ShouldBeOfType<LeadScored>();
    }

    [Fact]
    public async Task SaveAsync_StaleVersion_ThrowsAndWritesNothing()
    {
        var saved = await Sut.SaveAsync(Samples.Lead(Id("a"), 1), []);
        await Sut.SaveAsync(saved with { Priority = 2 }, []);
        var head = await Journal.GetHeadAsync();

        await Should.ThrowAsync<ConcurrencyException>(() => Sut.SaveAsync(saved with { Priority = 3 }, [new LeadQualified(saved.ArtistId.Value, Samples.Epoch, 3)]));

        (await Sut.GetAsync(saved.ArtistId))!.Priority.ShouldBe(2);
        (await Journal.GetHeadAsync()).ShouldBe(head);
    }

    [Fact]
    public async Task GetAsync_Missing_ReturnsNull() => (await Sut.GetAsync(Id("zzz"))).ShouldBeNull();

    [Fact]
    public async Task TopByPriorityAsync_OrdersByPriorityThenId_AndLimits()
    {
        await Sut.SaveAsync(Samples.Lead(Id("low"), -100), []);
        await Sut.SaveAsync(Samples.Lead(Id("high"), 9000), []);
        await Sut.SaveAsync(Samples.Lead(Id("mid1"), 5000), []);
        await Sut.SaveAsync(Samples.Lead(Id("mid2"), 5000), []);
        await Sut.SaveAsync(Samples.Lead(Id("unscored"), 0) with { Score = null, Stage = FunnelStage.Discovered, Tier = LeadTier.Unscored }, []);

        var top = await Sut.TopByPriorityAsync(3);

        var mids = new[] { Id("mid1").Value, Id("mid2").Value }.Order(StringComparer.Ordinal).ToArray();
        top.Select(l => l.ArtistId.Value).ShouldBe([Id("high").Value, mids[0], mids[1]]);
        (await Sut.TopByPriorityAsync(10)).Count.ShouldBe(4);
    }

    [Fact]
    public async Task TopByPriorityAsync_UpdatedPriority_Reorders()
    {
        var a = await Sut.SaveAsync(Samples.Lead(Id("a"), 10), []);
        await Sut.SaveAsync(Samples.Lead(Id("b"), 20), []);

        await Sut.SaveAsync(a with { Priority = 30 }, []);

        (await Sut.TopByPriorityAsync(1)).ShouldHaveSingleItem().ArtistId.ShouldBe(Id("a"));
    }

    [Fact]
    public async Task CountByStageAsync_CountsEachStage()
    {
        await Sut.SaveAsync(Samples.Lead(Id("a"), 1, FunnelStage.Qualified), []);
        await Sut.SaveAsync(Samples.Lead(Id("b"), 1, FunnelStage.Qualified), []);
        await Sut.SaveAsync(Samples.Lead(Id("c"), 1, FunnelStage.Scored), []);

        var counts = await Sut.CountByStageAsync();

        counts[FunnelStage.Qualified].ShouldBe(2);
        counts[FunnelStage.Scored].ShouldBe(1);
        counts.ContainsKey(FunnelStage.Customer).ShouldBeFalse();
    }

    [Fact]
    public async Task ListByStageAsync_ReturnsLeadsInTheStagesByArtistId_AndLimits()
    {
        await Sut.SaveAsync(Samples.Lead(Id("a"), 1, FunnelStage.Customer), []);
        await Sut.SaveAsync(Samples.Lead(Id("b"), 1, FunnelStage.SignedUp), []);
        await Sut.SaveAsync(Samples.Lead(Id("c"), 1, FunnelStage.Customer), []);
        await Sut.SaveAsync(Samples.Lead(Id("d"), 1, FunnelStage.Qualified), []);
        var customers = new[] { Id("a").Value, Id("b").Value, Id("c").Value }.Order(StringComparer.Ordinal).ToArray();

        var all = await Sut.ListByStageAsync([FunnelStage.Customer, FunnelStage.SignedUp], 10);
        var first = await Sut.ListByStageAsync([FunnelStage.Customer, FunnelStage.SignedUp], 2);

        all.Select(l => l.ArtistId.Value).ShouldBe(customers);
        all.ShouldAllBe(l => l.Version == 1);
        first.Select(l => l.ArtistId.Value).ShouldBe(customers[..2]);
        (await Sut.ListByStageAsync([FunnelStage.Churned], 10)).ShouldBeEmpty();
        (await Sut.ListByStageAsync([], 10)).ShouldBeEmpty();
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Adapters.Local;
using MonaSpark.Application;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Training;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Features;
using MonaSpark.Simulation;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.MachineLearning.Tests;

/// <summary>Training end to end on the embedded adapters: labels from the journal, point-in-time features, promotion and keeping.</summary>
public sealed class TrainLeadModelsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Decision = Samples.Epoch.AddDays(10);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "monaspark-train-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(Samples.Epoch.AddDays(100));
    private readonly RecordingTrainer _trainer = new(new FastTreeLeadModelTrainer(TrainedOnPopulation.Scoring));
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(_time);
        services.AddMonaSparkApplication();
        services.AddSqliteStorage(o => o.DataDirectory = _directory);
        services.AddSingleton<ILeadModelTrainer>(_trainer);
        _services = services.BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Stores each artist's features before the decision, contacts it at the decision time, and journals its outcome.</summary>
    private async Task SeedAsync(IReadOnlyList<SyntheticArtist> artists)
    {
        var store = Get<IFeatureStore>();
        var events = new List<DomainEvent>();
        foreach (var a in artists)
        {
            await store.SaveAsync(a.Features with { AsOf = Decision.AddDays(-1) });
            var id = a.Features.ArtistId.Value;
            events.Add(new OutreachSent(id, Decision, $"msg-{id}", "cmp-1", "var-a", ContactChannel.Email));
            if (a.Converted)
            {
                events.Add(new SignupCompleted(id, Decision.AddDays(5), "offer-1", TimeSpan.FromMinutes(2)));
                events.Add(new PaymentSucceeded(id, Decision.AddDays(6), "sub-" + id, a.ValueMinor, "EUR"));
            }
        }

        await Get<IJournal>().AppendAsync(events);
    }

    [Fact]
    public async Task RunAsync_TooFewOutcomes_ColdStartKeepsTheBaseline()
    {
        await SeedAsync(SyntheticPopulation.Generate(60, seed: 5, Decision));

        var report = await Get<TrainLeadModels>().RunAsync(includeSimulated: true);

        report.Model.ShouldBeNull();
        report.Decision.ShouldStartWith("cold start");
        (await Get<IModelRegistry>().GetRolesAsync()).ShouldBe(ModelRoles.None);
        _trainer.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_SimulatedOutcomesOnly_NotTrainedOnUnlessAsked()
    {
        await SeedAsync(SyntheticPopulation.Generate(400, seed: 8, Decision));

        var report = await Get<TrainLeadModels>().RunAsync();

        report.Labels.ShouldBe(0);
        report.Model.ShouldBeNull();
        _trainer.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_ReadsFeaturesAsOfTheDecision_NeverALaterValue()
    {
        var artists = SyntheticPopulation.Generate(400, seed: 6, Decision);
        await SeedAsync(artists);

        // After the decision each artist's features "reveal" its outcome: a leak if training saw them.
        var store = Get<IFeatureStore>();
        foreach (var a in artists)
        {
            var leaked = a.Features.Values.ToArray();
            leaked[FeatureSetV1.Engaged] = a.Converted ? 1 : 0;
            leaked[FeatureSetV1.Contacted] = 42;
            await store.SaveAsync(a.Features with { AsOf = Decision.AddDays(3), Values = leaked });
        }

        await Get<TrainLeadModels>().RunAsync(includeSimulated: true);

        _trainer.Examples.Count.ShouldBeGreaterThan(0);
        _trainer.Examples.ShouldAllBe(e => e.Features.AsOf <= Decision && e.Features[FeatureSetV1.Contacted] != 42);
    }

    [Fact]
    public async Task RunAsync_ModelThatBeatsTheBaseline_IsPromoted_ThenAnEqualOneIsKeptAsChallenger()
    {
        await SeedAsync(SyntheticPopulation.Generate(6_000, seed: 7, Decision));

        var first = await Get<TrainLeadModels>().RunAsync(includeSimulated: true);

        first.Promoted.ShouldBeTrue(first.Decision);
        first.Champion.ShouldBe("baseline-1");
        first.Model.ShouldNotBeNull().Metrics.Auc.ShouldBeGreaterThan(first.ChampionMetrics!.Auc);
        var registry = Get<IModelRegistry>();
        (await registry.GetRolesAsync()).ShouldBe(new ModelRoles(first.Model.Id, null));
        var events = await Get<IJournal>().ReadAsync(0, 100_000);
        events.Select(e => e.Event).OfType<ModelPromoted>().ShouldHaveSingleItem().ModelId.ShouldBe(first.Model.Id);

        // Same outcomes an hour later: the same model again, which cannot beat itself.
        _time.Advance(TimeSpan.FromHours(1));
        var second = await Get<TrainLeadModels>().RunAsync(includeSimulated: true);

        second.Promoted.ShouldBeFalse();
        second.Champion.ShouldBe(first.Model.Id);
        second.Decision.ShouldContain("kept as challenger");
        (await registry.GetRolesAsync()).ShouldBe(new ModelRoles(first.Model.Id, second.Model!.Id));
        (await Get<IJournal>().ReadAsync(0, 100_000)).Select(e => e.Event).OfType<ModelTrained>().Select(t => t.Promoted).ShouldBe([true, false]);
        (await Get<Application.Scoring.ActiveLeadScorers>().ChampionAsync()).ModelVersion.ShouldBe(first.Model.Id);
    }

    /// <summary>Passes through to the real trainer and keeps what it was given.</summary>
    private sealed class RecordingTrainer(ILeadModelTrainer inner) : ILeadModelTrainer
    {
        public int Calls { get; private set; }

        public IReadOnlyList<TrainingExample> Examples { get; private set; } = [];

        public TrainedLeadModel Train(string modelId, IReadOnlyList<TrainingExample> examples, int seed)
        {
            Calls++;
            Examples = examples;
            return inner.Train(modelId, examples, seed);
        }

        public ILeadScorer Load(string modelId, ReadOnlyMemory<byte> content) => inner.Load(modelId, content);
    }
}

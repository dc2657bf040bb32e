using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Sources;
using MonaSpark.Functions.Triggers;
using MonaSpark.Simulation;
using Shouldly;
using Xunit;

namespace MonaSpark.Functions.Tests;

/// <summary>The retraining timer on the Azure adapters (Azurite): labels from the Table journal, features and models in tables.</summary>
public sealed class RetrainModelsTests(FunctionsAppFixture app) : IClassFixture<FunctionsAppFixture>
{
    [Fact(Timeout = 180_000)]
    public async Task RetrainModels_WithOutcomes_TrainsRegistersAndGivesTheModelARole()
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var time = services.GetRequiredService<TimeProvider>();
        await WriteOutcomesAsync(services.GetRequiredService<IFeatureStore>(), services.GetRequiredService<IJournal>(), 1_500, time.GetUtcNow());

        await services.GetRequiredService<RetrainModels>().RunAsync(new TimerInfo(), CancellationToken.None);

        var registry = services.GetRequiredService<IModelRegistry>();
        var model = (await registry.ListAsync(10)).ShouldHaveSingleItem();
        model.TrainedOn.ShouldBeGreaterThan(1_000);
        model.Metrics.EvaluatedOn.ShouldBeGreaterThan(200);
        (await registry.GetContentAsync(model.Id)).ShouldNotBeNull().Length.ShouldBeGreaterThan(1_000);
        var roles = await registry.GetRolesAsync();
        new[] { roles.Champion, roles.Challenger }.ShouldContain(model.Id);
        var journal = services.GetRequiredService<IJournal>();
        var trained = (await journal.ReadAsync(0, 100_000)).Select(e => e.Event).OfType<ModelTrained>().ShouldHaveSingleItem();
        trained.ModelId.ShouldBe(model.Id);
        trained.Champion.ShouldBe("baseline-1");
    }

    [Fact(Timeout = 120_000)]
    public async Task RetrainModels_SimulatedOutcomesOnly_TrainsNothing()
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var journal = services.GetRequiredService<IJournal>();
        var before = (await journal.ReadAsync(0, 100_000)).Select(e => e.Event).OfType<ModelTrained>().Count();
        await SimulatedOutcomes.WriteAsync(services.GetRequiredService<IUnitOfWork>(), services.GetRequiredService<IFeatureStore>(), journal, 300, seed: 12, services.GetRequiredService<TimeProvider>().GetUtcNow());

        await services.GetRequiredService<RetrainModels>().RunAsync(new TimerInfo(), CancellationToken.None);

        (await journal.ReadAsync(0, 100_000)).Select(e => e.Event).OfType<ModelTrained>().Count().ShouldBe(before);
    }

    /// <summary>Contacted artists with real-looking ids, their features the day before and the outcomes the known rule draws.</summary>
    private static async Task WriteOutcomesAsync(IFeatureStore features, IJournal journal, int count, DateTimeOffset now)
    {
        var random = new Random(11);
        var events = new List<DomainEvent>();
        for (var i = 0; i < count; i++)
        {
            var id = ArtistId.ForSource(SourceKind.Import, $"retrain-{i}");
            var decided = now - TimeSpan.FromDays(70 + random.Next(30));
            var vector = SyntheticPopulation.Vector(id, random, decided - TimeSpan.FromDays(1));
            await features.SaveAsync(vector);
            events.Add(new OutreachSent(id.Value, decided, $"msg-{i}", "cmp-1", "var-a", ContactChannel.Email));
            var (converted, value) = GroundTruth.Draw(vector, random);
            if (converted)
            {
                events.Add(new SignupCompleted(id.Value, decided.AddDays(3), "offer-1", TimeSpan.FromMinutes(2)));
                events.Add(new PaymentSucceeded(id.Value, decided.AddDays(4), $"sub-{i}", value, "EUR"));
            }
        }

        foreach (var chunk in events.Chunk(90))
        {
            await journal.AppendAsync(chunk);
        }
    }
}

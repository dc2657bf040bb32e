using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;
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
        await SimulatedOutcomes.WriteAsync(services.GetRequiredService<IUnitOfWork>(), services.GetRequiredService<IFeatureStore>(), services.GetRequiredService<IJournal>(), 1_500, seed: 11, time.GetUtcNow());

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
}

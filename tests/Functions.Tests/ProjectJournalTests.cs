using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Projections;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Functions.Triggers;
using Shouldly;
using Xunit;

namespace MonaSpark.Functions.Tests;

/// <summary>The projection timer on the Azure adapters (Azurite): the Table journal into the Table read models.</summary>
public sealed class ProjectJournalTests(FunctionsAppFixture app) : IClassFixture<FunctionsAppFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task ProjectJournal_BringsTheReadModelsToTheJournalsHead()
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var journal = services.GetRequiredService<IJournal>();
        var at = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await journal.AppendAsync(
        [
            new OutreachSent("art-fn1", at, "msg-1", "cmp-1", "var-a", ContactChannel.Email),
            new LinkClicked("art-fn1", at.AddMinutes(5), "msg-1"),
        ]);

        await services.GetRequiredService<ProjectJournal>().RunAsync(new TimerInfo(), CancellationToken.None);

        var store = services.GetRequiredService<IReadModelStore>();
        (await store.GetCheckpointAsync(ContactHistoryProjection.ProjectionName)).ShouldBe(await journal.GetHeadAsync());
        (await store.GetAsync(ContactHistoryProjection.ProjectionName, "art-fn1")).ShouldNotBeNull().Json.ShouldContain("\"clicked\"");
        (await store.GetAsync(FunnelProjection.ProjectionName, FunnelProjection.Real)).ShouldNotBeNull().Json.ShouldContain("\"contacted\":1");
    }
}

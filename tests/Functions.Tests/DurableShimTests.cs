using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using MonaSpark.Application.Ingestion;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;
using MonaSpark.Functions.Orchestrations;
using MonaSpark.Workflows.Scoring;
using Shouldly;
using Xunit;

namespace MonaSpark.Functions.Tests;

/// <summary>
/// The Durable Functions shims, registered under their function names in the in-process engine in
/// place of the Functions host, with activities resolved from the app's container per invocation.
/// </summary>
public sealed class DurableShimTests(FunctionsAppFixture app) : IClassFixture<FunctionsAppFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task ScoreArtistsShims_StoredArtists_ScoresEveryOneThroughTheAppsContainer()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var services = app.Host.Services;
        ArtistId[] artists = [await StoreArtistAsync(services, "saga-a", timeout.Token), await StoreArtistAsync(services, "saga-b", timeout.Token)];
        await using var engine = await DurableTaskTestHost.StartAsync(registry =>
        {
            // Typed input, as Durable Functions gives GetInput<T> a deserialized input; the shim itself only sees the context.
            registry.AddOrchestratorFunc<ScoreArtistsInput, ScoreArtistsResult>(ScoreArtistsOrchestration.Name, (context, _) => ScoreArtists.RunAsync(context));
            registry.AddActivityFunc<ScoreArtistRequest, string>(ScoreArtistActivity.Name, async (_, request) =>
            {
                await using var scope = services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<ScoreArtist>().RunAsync(request, CancellationToken.None);
            });
        });

        var instanceId = await engine.Client.ScheduleNewOrchestrationInstanceAsync(
            ScoreArtistsOrchestration.Name, new ScoreArtistsInput([.. artists.Select(a => a.Value)], MaxParallelism: 2), timeout.Token);
        var metadata = await engine.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);

        metadata.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed, metadata.FailureDetails?.ToString());
        var result = metadata.ReadOutputAs<ScoreArtistsResult>().ShouldNotBeNull();
        result.Scored.ShouldBe(2);
        result.Failed.ShouldBe(0);
        var leads = services.GetRequiredService<ILeadStore>();
        foreach (var artist in artists)
        {
            (await leads.GetAsync(artist, timeout.Token)).ShouldNotBeNull(artist.Value).Score.ShouldNotBeNull();
        }
    }

    private static async Task<ArtistId> StoreArtistAsync(IServiceProvider services, string key, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var landed = await scope.ServiceProvider.GetRequiredService<RecordIngestion>().IngestAsync(SourceKind.Import, Records.Import(key), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<WorkItemDispatcher>()
            .DispatchAsync(new WorkItem($"process:{landed.SourceRecordId}", WorkKinds.ProcessSourceRecord, landed.SourceRecordId), cancellationToken);
        return ArtistId.ForSource(SourceKind.Import, key);
    }
}

using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MonaSpark.Application.Ingestion;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;
using MonaSpark.Functions.Triggers;
using Shouldly;
using Xunit;

namespace MonaSpark.Functions.Tests;

/// <summary>Resolution, merge and undo through the app's real composition and the Azure adapters.</summary>
public sealed class ResolutionTests(FunctionsAppFixture app) : IClassFixture<FunctionsAppFixture>
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(50);

    [Fact(Timeout = 60_000)]
    public async Task MergeThenUnmerge_ArtistRouteFollowsTheSurvivorThenAnswersForItselfAgain()
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var a = await ProcessAsync(services, Records.Import("res-a"), timeout.Token);
        var b = await ProcessAsync(services, Records.Import("res-b"), timeout.Token);

        await services.GetRequiredService<MergeArtists>().MergeAsync(a, b, 1.0, timeout.Token);
        var merged = await GetArtistAsync(services, b, timeout.Token);

        merged.GetProperty("id").GetString().ShouldBe(a.Value);
        merged.GetProperty("mergedInto").GetString().ShouldBe(a.Value);
        merged.GetProperty("mergedFrom").EnumerateArray().Select(e => e.GetString()).ShouldBe([b.Value]);
        merged.GetProperty("profiles").GetArrayLength().ShouldBe(2);
        merged.GetProperty("growth").GetArrayLength().ShouldBe(3);
        (await services.GetRequiredService<IArtistStore>().FindByProfileAsync(SourceKind.Spotify, "sp-res-b", timeout.Token))!.Id.ShouldBe(a);

        (await services.GetRequiredService<UnmergeArtists>().UnmergeAsync(a, b, timeout.Token)).ShouldBeTrue();
        var restored = await GetArtistAsync(services, b, timeout.Token);
        var survivor = await GetArtistAsync(services, a, timeout.Token);

        restored.GetProperty("id").GetString().ShouldBe(b.Value);
        restored.GetProperty("mergedInto").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        survivor.GetProperty("profiles").GetArrayLength().ShouldBe(1);
        survivor.GetProperty("mergedFrom").GetArrayLength().ShouldBe(0);
        (await services.GetRequiredService<IArtistStore>().FindByProfileAsync(SourceKind.Spotify, "sp-res-b", timeout.Token))!.Id.ShouldBe(b);
    }

    [Fact(Timeout = 60_000)]
    public async Task SameNameAndCountryOnly_CreatesANewArtistAndAReview()
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var known = await ProcessAsync(services, Records.Import("res-known"), timeout.Token);
        var lookalike = new RawRecord("res-lookalike", new JsonObject
        {
            ["id"] = "res-lookalike",
            ["name"] = "ARTIST res-known!",
            ["country"] = "FR",
            ["observedAt"] = "2026-01-16T10:00:00Z",
        }.ToJsonString());

        var created = await ProcessAsync(services, lookalike, timeout.Token);

        created.ShouldNotBe(known);
        (await services.GetRequiredService<IArtistStore>().GetAsync(created, timeout.Token)).ShouldNotBeNull();
        var review = (await services.GetRequiredService<IMatchReviewStore>().ListPendingAsync(100, timeout.Token)).Single(r => r.ArtistB == created);
        review.ArtistA.ShouldBe(known);
        review.Confidence.ShouldBe(0.8);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReviewRoutes_ListThenAccept_MergesThePair()
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var known = await ProcessAsync(services, Records.Import("rev-known"), timeout.Token);
        var lookalike = await ProcessAsync(
            services,
            new RawRecord("rev-lookalike", new JsonObject { ["id"] = "rev-lookalike", ["name"] = "Artist rev-known", ["country"] = "FR", ["observedAt"] = "2026-01-16T10:00:00Z" }.ToJsonString()),
            timeout.Token);

        var list = Http.Get(services, "/api/reviews", "?top=500");
        var listed = await Http.ExecuteAsync(list, await services.GetRequiredService<GetReviews>().RunAsync(list.Request, timeout.Token));
        listed.Status.ShouldBe(200);
        var id = listed.Json().GetProperty("reviews").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString()!)
            .Single(rid => rid == Domain.Resolution.MatchReview.IdFor(known, lookalike));

        var decide = services.GetRequiredService<DecideReview>();
        var bad = Http.Post(services, $"/api/reviews/{id}", "{\"decision\":\"maybe\"}");
        (await Http.ExecuteAsync(bad, await decide.RunAsync(bad.Request, id, timeout.Token))).Status.ShouldBe(400);
        var missing = Http.Post(services, "/api/reviews/rev-nope", "{\"decision\":\"accept\"}");
        (await Http.ExecuteAsync(missing, await decide.RunAsync(missing.Request, "rev-nope", timeout.Token))).Status.ShouldBe(404);
        var accept = Http.Post(services, $"/api/reviews/{id}", "{\"decision\":\"accept\"}");
        var accepted = await Http.ExecuteAsync(accept, await decide.RunAsync(accept.Request, id, timeout.Token));

        accepted.Status.ShouldBe(200);
        accepted.Json().GetProperty("status").GetString().ShouldBe("Accepted");
        var artists = services.GetRequiredService<IArtistStore>();
        var merged = new[] { await artists.GetAsync(known, timeout.Token), await artists.GetAsync(lookalike, timeout.Token) };
        merged.Count(a => a!.MergedInto is not null).ShouldBe(1);
    }

    private static async Task<ArtistId> ProcessAsync(IServiceProvider services, RawRecord raw, CancellationToken cancellationToken)
    {
        var landed = await services.GetRequiredService<RecordIngestion>().IngestAsync(SourceKind.Import, raw, cancellationToken);
        await services.GetRequiredService<WorkItemDispatcher>().DispatchAsync(new WorkItem($"process:{landed.SourceRecordId}", WorkKinds.ProcessSourceRecord, landed.SourceRecordId), cancellationToken);
        return ArtistId.ForSource(SourceKind.Import, raw.ExternalId);
    }

    private static async Task<System.Text.Json.JsonElement> GetArtistAsync(IServiceProvider services, ArtistId id, CancellationToken cancellationToken)
    {
        var context = Http.Get(services, $"/api/artists/{id}");
        var response = await Http.ExecuteAsync(context, await services.GetRequiredService<GetArtist>().RunAsync(context.Request, id.Value, cancellationToken));
        response.Status.ShouldBe(200);
        return response.Json();
    }
}

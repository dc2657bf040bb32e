using Microsoft.Extensions.DependencyInjection;
using MonaSpark.Application.Ingestion;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;
using MonaSpark.Functions.Triggers;
using Shouldly;
using Xunit;

namespace MonaSpark.Functions.Tests;

/// <summary>The HTTP triggers answer as the local host's routes do: same handlers, same status codes and bodies.</summary>
public sealed class HttpTriggerTests(FunctionsAppFixture app) : IClassFixture<FunctionsAppFixture>
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(50);

    [Fact(Timeout = 60_000)]
    public async Task Health_JournalAnswers_Returns200()
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var context = Http.Get(scope.ServiceProvider, "/healthz");

        var response = await Http.ExecuteAsync(context, await scope.ServiceProvider.GetRequiredService<Health>().RunAsync(context.Request, timeout.Token));

        response.Status.ShouldBe(200);
        response.Json().GetProperty("status").GetString().ShouldBe("healthy");
    }

    [Fact(Timeout = 60_000)]
    public async Task GetLeads_ScoredLead_Returns200WithTheLead()
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var artist = await ScoreAsync(scope.ServiceProvider, "http-leads", timeout.Token);
        var context = Http.Get(scope.ServiceProvider, "/api/leads", "?top=10");

        var response = await Http.ExecuteAsync(context, await scope.ServiceProvider.GetRequiredService<GetLeads>().RunAsync(context.Request, timeout.Token));

        response.Status.ShouldBe(200);
        response.ContentType.ShouldNotBeNull().ShouldStartWith("application/json");
        var leads = response.Json().GetProperty("leads").EnumerateArray().ToList();
        leads.ShouldContain(l => l.GetProperty("artistId").GetString() == artist.Value);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("?top=abc")]
    [InlineData("?top=0")]
    [InlineData("?top=501")]
    public async Task GetLeads_InvalidTop_Returns400ProblemDetails(string query)
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var context = Http.Get(scope.ServiceProvider, "/api/leads", query);

        var response = await Http.ExecuteAsync(context, await scope.ServiceProvider.GetRequiredService<GetLeads>().RunAsync(context.Request, timeout.Token));

        response.Status.ShouldBe(400);
        response.ContentType.ShouldNotBeNull().ShouldStartWith("application/problem+json");
        response.Json().GetProperty("title").GetString().ShouldBe("Invalid 'top'");
    }

    [Fact(Timeout = 60_000)]
    public async Task GetArtist_StoredArtist_Returns200WithProfile()
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var artist = await ScoreAsync(scope.ServiceProvider, "http-artist", timeout.Token);
        var context = Http.Get(scope.ServiceProvider, $"/api/artists/{artist}");

        var response = await Http.ExecuteAsync(context, await scope.ServiceProvider.GetRequiredService<GetArtist>().RunAsync(context.Request, artist.Value, timeout.Token));

        response.Status.ShouldBe(200);
        var body = response.Json();
        body.GetProperty("id").GetString().ShouldBe(artist.Value);
        body.GetProperty("name").GetProperty("value").GetString().ShouldBe("Artist http-artist");
    }

    [Theory(Timeout = 60_000)]
    [InlineData("art-missing", 404)]
    [InlineData("not an id!", 400)]
    public async Task GetArtist_UnknownOrInvalidId_ReturnsProblem(string id, int status)
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var context = Http.Get(scope.ServiceProvider, "/api/artists/x");

        var response = await Http.ExecuteAsync(context, await scope.ServiceProvider.GetRequiredService<GetArtist>().RunAsync(context.Request, id, timeout.Token));

        response.Status.ShouldBe(status);
        response.ContentType.ShouldNotBeNull().ShouldStartWith("application/problem+json");
    }

    [Fact(Timeout = 60_000)]
    public async Task GetKpis_Returns200Json()
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var context = Http.Get(scope.ServiceProvider, "/api/kpis");

        var response = await Http.ExecuteAsync(context, await scope.ServiceProvider.GetRequiredService<GetKpis>().RunAsync(context.Request, timeout.Token));

        response.Status.ShouldBe(200);
        response.Json().ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Object);
    }

    [Fact(Timeout = 60_000)]
    public async Task Dashboard_Returns200HtmlWithStrictCsp()
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var context = Http.Get(scope.ServiceProvider, "/dashboard");

        var response = await Http.ExecuteAsync(context, await scope.ServiceProvider.GetRequiredService<Dashboard>().RunAsync(context.Request, timeout.Token));

        response.Status.ShouldBe(200);
        response.ContentType.ShouldNotBeNull().ShouldStartWith("text/html");
        response.Headers.ContentSecurityPolicy.ToString().ShouldContain("default-src 'none'");
        response.Body.ShouldContain("<html", Case.Insensitive);
    }

    [Fact(Timeout = 60_000)]
    public async Task Ingest_OneSourceForced_Returns202WithTheReport()
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        app.Connector.Serve(Records.Import("http-ingest-a"), Records.Import("http-ingest-b"));
        var context = Http.Post(scope.ServiceProvider, "/api/ingest", """{ "source": "IMPORT", "force": true, "maxPages": 2 }""");

        var response = await Http.ExecuteAsync(context, await scope.ServiceProvider.GetRequiredService<Ingest>().RunAsync(context.Request, timeout.Token));

        response.Status.ShouldBe(202);
        response.ContentType.ShouldNotBeNull().ShouldStartWith("application/json");
        var source = response.Json().GetProperty("sources").EnumerateArray().ShouldHaveSingleItem();
        source.GetProperty("connector").GetString().ShouldBe("import");
        source.GetProperty("fetched").GetInt32().ShouldBe(2);
        source.GetProperty("error").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var landed = Records.Import("http-ingest-a");
        var store = scope.ServiceProvider.GetRequiredService<ISourceRecordStore>();
        (await store.GetAsync(SourceRecord.IdFor(SourceKind.Import, landed.ExternalId, landed.Payload), timeout.Token)).ShouldNotBeNull();
    }

    [Theory(Timeout = 60_000)]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{ "source": null, "force": true }""")]
    public async Task Ingest_NoSource_Returns202SyncingEverySource(string body)
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var context = Http.Post(scope.ServiceProvider, "/api/ingest", body);

        var response = await Http.ExecuteAsync(context, await scope.ServiceProvider.GetRequiredService<Ingest>().RunAsync(context.Request, timeout.Token));

        response.Status.ShouldBe(202);
        response.Json().GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("connector").GetString()).ShouldBe(["import", "spotify"], ignoreOrder: true);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("{not json", "Invalid body")]
    [InlineData("null", "Invalid body")]
    [InlineData("""{ "force": "yes" }""", "Invalid body")]
    [InlineData("""{ "maxpage": 2 }""", "Invalid body")]
    [InlineData("""{ "maxPages": 2.5 }""", "Invalid body")]
    [InlineData("""{ "source": "myspace" }""", "Unknown 'source'")]
    [InlineData("""{ "source": "" }""", "Unknown 'source'")]
    [InlineData("""{ "maxPages": 0 }""", "Invalid 'maxPages'")]
    [InlineData("""{ "maxPages": 1001 }""", "Invalid 'maxPages'")]
    public async Task Ingest_InvalidBody_Returns400ProblemDetails(string body, string title)
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var fetches = app.Connector.Fetches;
        var context = Http.Post(scope.ServiceProvider, "/api/ingest", body);

        var response = await Http.ExecuteAsync(context, await scope.ServiceProvider.GetRequiredService<Ingest>().RunAsync(context.Request, timeout.Token));

        response.Status.ShouldBe(400);
        response.ContentType.ShouldNotBeNull().ShouldStartWith("application/problem+json");
        response.Json().GetProperty("title").GetString().ShouldBe(title);
        app.Connector.Fetches.ShouldBe(fetches);
    }

    /// <summary>Lands, processes and scores an artist through the use cases (the queue path is covered in <see cref="FunctionsAppTests"/>).</summary>
    private static async Task<ArtistId> ScoreAsync(IServiceProvider services, string key, CancellationToken cancellationToken)
    {
        var landed = await services.GetRequiredService<RecordIngestion>().IngestAsync(SourceKind.Import, Records.Import(key), cancellationToken);
        var dispatcher = services.GetRequiredService<WorkItemDispatcher>();
        await dispatcher.DispatchAsync(new WorkItem($"process:{landed.SourceRecordId}", WorkKinds.ProcessSourceRecord, landed.SourceRecordId), cancellationToken);
        var artist = ArtistId.ForSource(SourceKind.Import, key);
        await dispatcher.DispatchAsync(new WorkItem($"score:{artist}", WorkKinds.ScoreArtist, artist.Value), cancellationToken);
        return artist;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MonaSpark.Adapters.Scraping.Extraction;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Sources;
using MonaSpark.Sources.WebFixtures;

namespace MonaSpark.Adapters.Scraping.Tests;

public sealed class WebPageConnectorTests
{
    private static async Task<(IHost Host, ISourceConnector Connector)> ConnectorAsync(IDictionary<string, string?> settings)
    {
        settings[$"{ScrapingHost.Web}:UseBrowser"] = "false";
        var host = ScrapingHost.Build(settings);
        await Task.Yield();
        return (host, host.Services.GetServices<ISourceConnector>().Single());
    }

    [Fact(Timeout = 30_000)]
    public async Task FetchAsync_Pages_CursorIsIndexOfNextSeed()
    {
        await using var server = await WebFixtureServer.StartAsync();
        var (host, sut) = await ConnectorAsync(server.ConnectorSettings(TimeSpan.Zero));
        await using var _ = (IAsyncDisposable)host;

        sut.Source.ShouldBe(SourceKind.Web);
        sut.Key.ShouldBe("web");
        var first = await sut.FetchAsync(null, 4);
        first.Records.Count.ShouldBe(4);
        first.NextCursor.ShouldBe("4");
        first.Records[0].ExternalId.ShouldBe(server.PageUrl("zelie-maree").AbsoluteUri);
        WebPageRecord.FromJson(first.Records[0].Payload)!.Name.ShouldBe("Zélie Marée");

        var last = await sut.FetchAsync("8", 4);
        last.NextCursor.ShouldBeNull();
        last.Records.Count.ShouldBe(3); // the robots-disallowed press kit is skipped, not fatal
    }

    [Fact(Timeout = 30_000)]
    public async Task FetchAsync_SeedRefusedBySsrfGuard_SkippedAndBatchGoesOn()
    {
        await using var server = await WebFixtureServer.StartAsync();
        var port = server.BaseUri.Port;
        var settings = ScrapingHost.Settings(
            ["fine.test", "evil.test"],
            ["fine.test"],
            [$"http://evil.test:{port}/luna-vale/", "http://attacker.test/", $"http://fine.test:{port}/luna-vale/"]);
        var (host, sut) = await ConnectorAsync(settings);
        await using var _ = (IAsyncDisposable)host;

        var batch = await sut.FetchAsync(null, 10);

        batch.Records.ShouldHaveSingleItem().ExternalId.ShouldBe($"http://fine.test:{port}/luna-vale/");
        batch.NextCursor.ShouldBeNull();
    }

    [Fact(Timeout = 30_000)]
    public async Task FetchAsync_TransientFailureMidBatch_EndsBatchAtThatPage()
    {
        await using var server = await WebFixtureServer.StartAsync(app => app.MapGet("/down", () => Results.StatusCode(503)));
        var port = server.BaseUri.Port;
        var settings = ScrapingHost.Settings(
            ["fine.test"],
            ["fine.test"],
            [$"http://fine.test:{port}/zelie-maree/", $"http://fine.test:{port}/down", $"http://fine.test:{port}/luna-vale/"]);
        settings[$"{ScrapingHost.Web}:MaxRetryAttempts"] = "1";
        var (host, sut) = await ConnectorAsync(settings);
        await using var _ = (IAsyncDisposable)host;

        var batch = await sut.FetchAsync(null, 10);
        batch.Records.Count.ShouldBe(1);
        batch.NextCursor.ShouldBe("1");

        await Should.ThrowAsync<HttpRequestException>(() => sut.FetchAsync("1", 10));
    }

    [Fact(Timeout = 10_000)]
    public async Task FetchAsync_ForeignCursor_Throws()
    {
        var (host, sut) = await ConnectorAsync(ScrapingHost.Settings(["fine.test"], [], ["http://fine.test/"]));
        await using var _ = (IAsyncDisposable)host;

        await Should.ThrowAsync<FormatException>(() => sut.FetchAsync("ids:3", 10));
    }

    [Fact(Timeout = 10_000)]
    public async Task AddWebScraping_NoSeeds_RegistersNoConnector()
    {
        var host = ScrapingHost.Build(new Dictionary<string, string?>());
        await using var _ = (IAsyncDisposable)host;

        host.Services.GetServices<ISourceConnector>().ShouldBeEmpty();
    }
}

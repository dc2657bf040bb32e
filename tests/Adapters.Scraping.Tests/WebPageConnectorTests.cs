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
    private static async Task<(IHost Host, IDeferredSourceConnector Connector)> ConnectorAsync(IDictionary<string, string?> settings)
    {
        settings[$"{ScrapingHost.Web}:UseBrowser"] = "false";
        var host = ScrapingHost.Build(settings);
        await Task.Yield();
        return (host, host.Services.GetServices<ISourceConnector>().Single().ShouldBeAssignableTo<IDeferredSourceConnector>()!);
    }

    [Fact(Timeout = 30_000)]
    public async Task FetchAsync_ListsSeedsToFetchLater_CursorIsIndexOfNextSeed()
    {
        await using var server = await WebFixtureServer.StartAsync();
        var (host, sut) = await ConnectorAsync(server.ConnectorSettings(TimeSpan.Zero));
        await using var _ = (IAsyncDisposable)host;

        sut.Source.ShouldBe(SourceKind.Web);
        sut.Key.ShouldBe("web");
        var first = await sut.FetchAsync(null, 4);
        first.Records.ShouldBeEmpty(); // nothing is downloaded during a sync
        first.Deferred.Count.ShouldBe(4);
        first.Deferred[0].ShouldBe(server.PageUrl("zelie-maree").AbsoluteUri);
        first.NextCursor.ShouldBe("4");

        var last = await sut.FetchAsync("8", 4);
        last.NextCursor.ShouldBeNull();
        last.Deferred.Count.ShouldBe(server.ConnectorSettings(TimeSpan.Zero).Count(s => s.Key.Contains(":Seeds:", StringComparison.Ordinal)) - 8);
    }

    [Fact(Timeout = 30_000)]
    public async Task FetchOneAsync_Page_IsTheRecordOfThatPage()
    {
        await using var server = await WebFixtureServer.StartAsync();
        var (host, sut) = await ConnectorAsync(server.ConnectorSettings(TimeSpan.Zero));
        await using var _ = (IAsyncDisposable)host;
        var url = server.PageUrl("zelie-maree").AbsoluteUri;

        var record = await sut.FetchOneAsync(url);

        record.ExternalId.ShouldBe(url);
        WebPageRecord.FromJson(record.Payload)!.Name.ShouldBe("Zélie Marée");
    }

    [Fact(Timeout = 30_000)]
    public async Task FetchOneAsync_RefusedBySsrfGuardAllowListOrRobots_IsAPermanentRefusal()
    {
        await using var server = await WebFixtureServer.StartAsync();
        var port = server.BaseUri.Port;
        var settings = ScrapingHost.Settings(["fine.test", "evil.test"], ["fine.test"], [$"http://fine.test:{port}/luna-vale/"]);
        var (host, sut) = await ConnectorAsync(settings);
        await using var _ = (IAsyncDisposable)host;

        // evil.test resolves to loopback but is not a test loopback host: the guard refuses before connecting.
        (await Should.ThrowAsync<SourceRefusedException>(() => sut.FetchOneAsync($"http://evil.test:{port}/luna-vale/"))).Message.ShouldStartWith("Address:");
        (await Should.ThrowAsync<SourceRefusedException>(() => sut.FetchOneAsync("http://attacker.test/"))).Message.ShouldStartWith("Domain:");
        (await Should.ThrowAsync<SourceRefusedException>(() => sut.FetchOneAsync($"http://fine.test:{port}/private/press-kit/"))).Message.ShouldStartWith("Robots:");
        await Should.ThrowAsync<SourceRefusedException>(() => sut.FetchOneAsync("not a url"));
        (await sut.FetchOneAsync($"http://fine.test:{port}/luna-vale/")).ExternalId.ShouldBe($"http://fine.test:{port}/luna-vale/");
    }

    [Fact(Timeout = 30_000)]
    public async Task FetchOneAsync_TransientFailure_Propagates()
    {
        await using var server = await WebFixtureServer.StartAsync(app => app.MapGet("/down", () => Results.StatusCode(503)));
        var port = server.BaseUri.Port;
        var settings = ScrapingHost.Settings(["fine.test"], ["fine.test"], [$"http://fine.test:{port}/down"]);
        settings[$"{ScrapingHost.Web}:MaxRetryAttempts"] = "1";
        var (host, sut) = await ConnectorAsync(settings);
        await using var _ = (IAsyncDisposable)host;

        var ex = await Should.ThrowAsync<Exception>(() => sut.FetchOneAsync($"http://fine.test:{port}/down"));
        ex.ShouldNotBeOfType<SourceRefusedException>();
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

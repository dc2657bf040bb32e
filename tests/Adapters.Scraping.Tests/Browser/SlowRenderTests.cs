using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MonaSpark.Application.Ports;
using MonaSpark.Sources.WebFixtures;

namespace MonaSpark.Adapters.Scraping.Tests.Browser;

/// <summary>A page whose script never puts the artist on the page: a transient failure to retry, not a nameless record.</summary>
public sealed class SlowRenderTests
{
    private const string Shell = """
        <!doctype html><html><head><title>Loading…</title></head>
        <body><div id="root"></div><script>/* the bundle never arrives */</script></body></html>
        """;

    [Fact(Timeout = 60_000)]
    public async Task FetchOneAsync_ScriptNeverRenders_FailsTransiently()
    {
        await using var server = await WebFixtureServer.StartAsync(app => app.MapGet("/never/", () => Results.Content(Shell, "text/html; charset=utf-8")));
        var url = new Uri(server.BaseUri, "/never/").AbsoluteUri.Replace("127.0.0.1", "fine.test", StringComparison.Ordinal);
        var settings = ScrapingHost.Settings(["fine.test"], ["fine.test"], [url]);
        settings[$"{ScrapingHost.Web}:RenderWait"] = "00:00:01";
        var host = ScrapingHost.Build(settings);
        await using var _ = (IAsyncDisposable)host;
        var sut = host.Services.GetServices<ISourceConnector>().Single().ShouldBeAssignableTo<IDeferredSourceConnector>()!;

        var ex = await Should.ThrowAsync<TimeoutException>(() => sut.FetchOneAsync(url));

        ex.Message.ShouldContain("no heading or link");
        ex.ShouldNotBeAssignableTo<SourceRefusedException>();
    }
}

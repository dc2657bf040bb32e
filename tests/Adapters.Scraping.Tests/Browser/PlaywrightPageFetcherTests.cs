using Microsoft.Extensions.DependencyInjection;
using MonaSpark.Adapters.Scraping.Extraction;
using MonaSpark.Adapters.Scraping.Fetching;
using MonaSpark.Application.Ports;
using MonaSpark.Sources.WebFixtures;

namespace MonaSpark.Adapters.Scraping.Tests.Browser;

/// <summary>Headless Chromium (Debian's /usr/bin/chromium, eng/chromium.sh) through PlaywrightPageFetcher.</summary>
public sealed class PlaywrightPageFetcherTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task Scrape_ScriptBundlePage_RenderedInBrowserAndExtracted()
    {
        var sut = fixture.Get<WebPageScraper>();

        var record = await sut.ScrapeAsync(fixture.Server.PageUrl("echo-lights"));

        record.FetchedVia.ShouldBe("browser");
        record.Name.ShouldBe("Echo Lights");
        record.Links.Select(l => l.Url).ShouldBe(
        [
            "https://open.spotify.com/artist/nsNJK2n5egrvKTRtCWB4VJ",
            "https://www.youtube.com/channel/UCn1ugXSBk8fJpOyb9KWf2a1",
            "https://www.instagram.com/echo.lights/",
        ]);
        record.Emails.ShouldBe(["booking@echolights.fr"]);
        fixture.Server.CountRequests("/assets/echo-lights.js").ShouldBeGreaterThan(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task Scrape_PageRenderedAfterTimer_WaitsForContent()
    {
        var record = await fixture.Get<WebPageScraper>().ScrapeAsync(fixture.Server.PageUrl("aicha-nour"));

        record.FetchedVia.ShouldBe("browser");
        record.Name.ShouldBe("Aïcha Nour");
        record.Links.Select(l => l.Platform).ShouldBe(["spotify", "instagram"]);
        record.Emails.ShouldBe(["management@aichanour.fr"]);
        record.Country.ShouldBe("FR");
    }

    [Fact(Timeout = 60_000)]
    public async Task Scrape_PageFetchingItsData_SubrequestsGoThroughTheGuardedClient()
    {
        var record = await fixture.Get<WebPageScraper>().ScrapeAsync(fixture.Server.PageUrl("nova-sauvage"));

        record.Name.ShouldBe("Nova Sauvage");
        record.Bio.ShouldBe("French rap et bedroom pop, Toulouse.");
        record.Links.Count.ShouldBe(3);
        fixture.Server.Requests.ShouldContain(r => r.PathAndQuery == "/assets/nova-sauvage.json" && r.UserAgent == WebScrapingOptions.DefaultUserAgent);
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_StaticPageThroughBrowser_SameExtractionAsHttp()
    {
        var url = fixture.Server.PageUrl("zelie-maree");

        var rendered = await fixture.Get<PlaywrightPageFetcher>().FetchAsync(url);
        var viaBrowser = PageExtractor.Extract(rendered.Html, url, rendered.FetchedVia);
        var viaHttp = PageExtractor.Extract(WebFixtureServer.PageHtml("zelie-maree"), url, "http");

        viaBrowser.FetchedVia.ShouldBe("browser");
        (viaBrowser with { FetchedVia = "http" }).ToJson().ShouldBe(viaHttp.ToJson());
    }

    [Fact(Timeout = 90_000)]
    public async Task FetchOneAsync_AllFixtureSeeds_OneRecordPerPage_BrowserOnlyForScript_DisallowedPageRefused()
    {
        var sut = fixture.Services.GetServices<ISourceConnector>().Single().ShouldBeAssignableTo<IDeferredSourceConnector>()!;

        var batch = await sut.FetchAsync(null, 100);
        batch.NextCursor.ShouldBeNull();
        batch.Deferred.Count.ShouldBe(WebFixtureServer.Pages.Count);

        var records = new List<WebPageRecord>();
        foreach (var reference in batch.Deferred)
        {
            if (reference.Contains("/private/", StringComparison.Ordinal))
            {
                (await Should.ThrowAsync<SourceRefusedException>(() => sut.FetchOneAsync(reference))).Message.ShouldStartWith("Robots:");
                continue;
            }

            records.Add(WebPageRecord.FromJson((await sut.FetchOneAsync(reference)).Payload)!);
        }

        records.Count.ShouldBe(WebFixtureServer.Pages.Count - 1);
        foreach (var page in WebFixtureServer.Pages.Where(p => p.Kind != WebFixtureKind.RobotsDisallowed))
        {
            var record = records.Single(r => r.Url == fixture.Server.PageUrl(page.Slug).AbsoluteUri);
            record.Name.ShouldBe(page.ArtistName);
            record.FetchedVia.ShouldBe(page.Kind == WebFixtureKind.ScriptRendered ? "browser" : "http");
        }
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Adapters.Scraping.Fetching;
using MonaSpark.Adapters.Scraping.Robots;
using MonaSpark.Adapters.Scraping.Safety;
using MonaSpark.Sources.WebFixtures;

namespace MonaSpark.Adapters.Scraping.Tests;

public sealed class RobotsTests
{
    private const string Token = "MonaSparkBot";

    [Fact(Timeout = 5_000)]
    public async Task Parse_OurGroupPresent_WinsOverStar()
    {
        await Task.Yield();
        var sut = RobotsRules.Parse("User-agent: *\nDisallow: /\n\nUser-agent: monasparkbot\nDisallow: /drafts/\nCrawl-delay: 3\n", Token);

        sut.IsAllowed("/luna/").ShouldBeTrue();
        sut.IsAllowed("/drafts/x").ShouldBeFalse();
        sut.CrawlDelay.ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Fact(Timeout = 5_000)]
    public async Task Parse_OnlyStarGroup_Applies()
    {
        await Task.Yield();
        var sut = RobotsRules.Parse("# comment\nUser-agent: OtherBot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/ # keep out\n", Token);

        sut.IsAllowed("/private/kit").ShouldBeFalse();
        sut.IsAllowed("/public").ShouldBeTrue();
        sut.IsAllowed("/robots.txt").ShouldBeTrue();
    }

    [Fact(Timeout = 5_000)]
    public async Task IsAllowed_LongestMatchWins_AllowOnTie_WildcardsAndAnchor()
    {
        await Task.Yield();
        var sut = RobotsRules.Parse("User-agent: *\nDisallow: /shop\nAllow: /shop/artists/\nDisallow: /*.pdf$\nDisallow: /*?session=\nAllow: /page\nDisallow: /page\n", Token);

        sut.IsAllowed("/shop/cart").ShouldBeFalse();
        sut.IsAllowed("/shop/artists/luna").ShouldBeTrue();
        sut.IsAllowed("/kit/press.pdf").ShouldBeFalse();
        sut.IsAllowed("/kit/press.pdf?x=1").ShouldBeTrue();
        sut.IsAllowed("/luna?session=42").ShouldBeFalse();
        sut.IsAllowed("/page").ShouldBeTrue();
    }

    [Fact(Timeout = 5_000)]
    public async Task Parse_EmptyOrUnrelated_AllowsAll()
    {
        await Task.Yield();
        RobotsRules.Parse(string.Empty, Token).IsAllowed("/anything").ShouldBeTrue();
        RobotsRules.Parse("User-agent: OtherBot\nDisallow: /\n", Token).IsAllowed("/anything").ShouldBeTrue();
        RobotsRules.Parse("User-agent: *\nDisallow:\n", Token).IsAllowed("/anything").ShouldBeTrue();
    }

    [Fact(Timeout = 15_000)]
    public async Task Fetch_DisallowedPath_RefusedAndNeverRequested()
    {
        await using var server = await WebFixtureServer.StartAsync();
        using var host = ScrapingHost.Build(ScrapingHost.Settings(["fine.test"], []));
        var sut = host.Services.GetRequiredService<HttpPageFetcher>();

        var ex = await Should.ThrowAsync<PageRefusedException>(() => sut.FetchAsync(new Uri($"http://fine.test:{server.BaseUri.Port}/private/press-kit/")));

        ex.Reason.ShouldBe(RefusalReason.Robots);
        server.CountRequests("/robots.txt").ShouldBe(1);
        server.CountRequests("/private/").ShouldBe(0);
    }

    [Fact(Timeout = 15_000)]
    public async Task GetRules_CachedPerOriginUntilTtl()
    {
        await using var server = await WebFixtureServer.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var settings = ScrapingHost.Settings(["fine.test"], []);
        settings[$"{ScrapingHost.Web}:RobotsCacheTtl"] = "00:10:00";
        using var host = ScrapingHost.Build(settings, time: time);
        var sut = host.Services.GetRequiredService<HttpPageFetcher>();
        var page = new Uri($"http://fine.test:{server.BaseUri.Port}/luna-vale/");

        await sut.FetchAsync(page);
        await sut.FetchAsync(page);
        server.CountRequests("/robots.txt").ShouldBe(1);

        time.Advance(TimeSpan.FromMinutes(11));
        await sut.FetchAsync(page);
        server.CountRequests("/robots.txt").ShouldBe(2);
    }

    [Fact(Timeout = 15_000)]
    public async Task Fetch_RobotsUnavailable_DisallowsEverything()
    {
        await using var site = await TestSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.StatusCode(500));
            app.MapGet("/page", () => Results.Content("<h1>x</h1>", "text/html"));
        });
        var settings = ScrapingHost.Settings(["fine.test"], []);
        settings[$"{ScrapingHost.Web}:MaxRetryAttempts"] = "0";
        using var host = ScrapingHost.Build(settings);
        var sut = host.Services.GetRequiredService<HttpPageFetcher>();

        var ex = await Should.ThrowAsync<PageRefusedException>(() => sut.FetchAsync(site.Url("fine.test", "/page")));

        ex.Reason.ShouldBe(RefusalReason.Robots);
    }

    [Fact(Timeout = 15_000)]
    public async Task Fetch_RobotsMissing_AllowsEverything()
    {
        await using var site = await TestSite.StartAsync(app => app.MapGet("/page", () => Results.Content("<h1>x</h1>", "text/html")));
        using var host = ScrapingHost.Build(ScrapingHost.Settings(["fine.test"], []));
        var sut = host.Services.GetRequiredService<HttpPageFetcher>();

        var page = await sut.FetchAsync(site.Url("fine.test", "/page"));

        page.Html.ShouldBe("<h1>x</h1>");
    }
}

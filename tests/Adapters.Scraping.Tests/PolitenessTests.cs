using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Adapters.Scraping.Fetching;
using MonaSpark.Sources.WebFixtures;

namespace MonaSpark.Adapters.Scraping.Tests;

public sealed class PolitenessTests
{
    [Fact(Timeout = 5_000)]
    public async Task Enter_SameHost_WaitsTheDelayAfterThePreviousRequestOnTheTimeProvider()
    {
        var time = new FakeTimeProvider();
        var sut = new PolitenessGate(time);
        var delay = TimeSpan.FromSeconds(2);

        var first = await sut.EnterAsync("lunavale.fr", delay);
        var second = sut.EnterAsync("lunavale.fr", delay);
        var otherHost = sut.EnterAsync("zeliemaree.fr", delay);

        otherHost.IsCompleted.ShouldBeTrue();
        time.Advance(TimeSpan.FromSeconds(5));
        second.IsCompleted.ShouldBeFalse(); // the first request is still running
        first.Dispose();

        // Fake time moves in small steps, with real time between them for the gate's continuation to
        // set its timer: the second request is let in 2 s after the first ended, never sooner.
        var advanced = TimeSpan.Zero;
        while (!second.IsCompleted && advanced < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(10);
            time.Advance(TimeSpan.FromMilliseconds(50));
            advanced += TimeSpan.FromMilliseconds(50);
            if (advanced < delay)
            {
                second.IsCompleted.ShouldBeFalse($"let in after {advanced}");
            }
        }

        (await second).Dispose();
        advanced.ShouldBeGreaterThanOrEqualTo(delay);
    }

    [Fact(Timeout = 5_000)]
    public async Task Enter_AfterTheGap_DoesNotWait()
    {
        var time = new FakeTimeProvider();
        var sut = new PolitenessGate(time);

        (await sut.EnterAsync("a.test", TimeSpan.FromSeconds(2))).Dispose();
        time.Advance(TimeSpan.FromSeconds(5));

        sut.EnterAsync("a.test", TimeSpan.FromSeconds(2)).IsCompleted.ShouldBeTrue();
    }

    [Fact(Timeout = 20_000)]
    public async Task Fetch_ConcurrentPagesOnOneHost_SpacedByDelayWhileOtherHostIsNot()
    {
        await using var server = await WebFixtureServer.StartAsync();
        var settings = ScrapingHost.Settings(["fine.test", "other.test"], []);
        settings[$"{ScrapingHost.Web}:PolitenessDelay"] = "00:00:00.300";
        using var host = ScrapingHost.Build(settings);
        var sut = host.Services.GetRequiredService<HttpPageFetcher>();
        var port = server.BaseUri.Port;
        Uri Page(string h, string slug) => new($"http://{h}:{port}/{slug}/");

        await Task.WhenAll(
            sut.FetchAsync(Page("fine.test", "zelie-maree")),
            sut.FetchAsync(Page("fine.test", "luna-vale")),
            sut.FetchAsync(Page("fine.test", "nova-atlas")),
            sut.FetchAsync(Page("other.test", "velvet-komet")));

        var fine = server.Requests.Where(r => r.Host == "fine.test" && r.PathAndQuery != "/robots.txt").Select(r => r.Timestamp).Order().ToArray();
        fine.Length.ShouldBe(3, string.Join(", ", server.Requests.Select(r => $"{r.Host}{r.PathAndQuery}@{Stopwatch.GetElapsedTime(server.Requests.First().Timestamp, r.Timestamp).TotalMilliseconds:F0}")));
        for (var i = 1; i < fine.Length; i++)
        {
            Stopwatch.GetElapsedTime(fine[i - 1], fine[i]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(280), string.Join(", ", server.Requests.Select(r => $"{r.Host}{r.PathAndQuery}@{Stopwatch.GetElapsedTime(server.Requests.First().Timestamp, r.Timestamp).TotalMilliseconds:F0}")));
        }

        var other = server.Requests.Single(r => r.Host == "other.test" && r.PathAndQuery != "/robots.txt").Timestamp;
        Stopwatch.GetElapsedTime(fine[0], other).ShouldBeLessThan(TimeSpan.FromMilliseconds(250));
    }

    [Fact(Timeout = 20_000)]
    public async Task Fetch_CrawlDelayLongerThanPoliteness_Honoured()
    {
        await using var site = await TestSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: MonaSparkBot\nCrawl-delay: 0.6\n"));
            app.MapGet("/a", () => Results.Content("<h1>a</h1>", "text/html"));
            app.MapGet("/b", () => Results.Content("<h1>b</h1>", "text/html"));
        });
        using var host = ScrapingHost.Build(ScrapingHost.Settings(["fine.test"], []));
        var sut = host.Services.GetRequiredService<HttpPageFetcher>();

        // The second request starts 0.6 s after the first ended, so both together take at least that.
        var started = Stopwatch.GetTimestamp();
        await sut.FetchAsync(site.Url("fine.test", "/a"));
        await sut.FetchAsync(site.Url("fine.test", "/b"));

        Stopwatch.GetElapsedTime(started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(600));
    }
}

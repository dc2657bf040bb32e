using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MonaSpark.Adapters.Scraping.Fetching;
using MonaSpark.Adapters.Scraping.Safety;
using Polly.Timeout;

namespace MonaSpark.Adapters.Scraping.Tests;

public sealed class ResilienceTests
{
    private static HttpPageFetcher Fetcher(Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = ScrapingHost.Settings(["fine.test"], []);
        configure?.Invoke(settings);
        return ScrapingHost.Build(settings).Services.GetRequiredService<HttpPageFetcher>();
    }

    [Fact(Timeout = 20_000)]
    public async Task Fetch_BurstOf503_RetriedUntilThePageComes()
    {
        var calls = 0;
        await using var site = await TestSite.StartAsync(app => app.MapGet("/flaky", (HttpContext context) =>
        {
            if (Interlocked.Increment(ref calls) <= 3)
            {
                context.Response.Headers.RetryAfter = "0";
                return Results.StatusCode(503);
            }

            return Results.Content("<h1>Luna Vale</h1>", "text/html");
        }));

        var page = await Fetcher().FetchAsync(site.Url("fine.test", "/flaky"));

        page.Html.ShouldContain("Luna Vale");
        calls.ShouldBe(4);
    }

    [Fact(Timeout = 20_000)]
    public async Task Fetch_SlowPage_TimesOut()
    {
        await using var site = await TestSite.StartAsync(app => app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            return Results.Content("<h1>late</h1>", "text/html");
        }));
        var sut = Fetcher(s =>
        {
            s[$"{ScrapingHost.Web}:TotalTimeout"] = "00:00:00.800";
            s[$"{ScrapingHost.Web}:AttemptTimeout"] = "00:00:00.300";
        });
        var started = Stopwatch.GetTimestamp();

        await Should.ThrowAsync<TimeoutRejectedException>(() => sut.FetchAsync(site.Url("fine.test", "/slow")));

        Stopwatch.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact(Timeout = 20_000)]
    public async Task Fetch_NotFound_RefusedWithoutRetry()
    {
        var calls = 0;
        await using var site = await TestSite.StartAsync(app => app.MapGet("/gone", () =>
        {
            Interlocked.Increment(ref calls);
            return Results.NotFound();
        }));

        var ex = await Should.ThrowAsync<PageRefusedException>(() => Fetcher().FetchAsync(site.Url("fine.test", "/gone")));

        ex.Reason.ShouldBe(RefusalReason.HttpStatus);
        calls.ShouldBe(1);
    }

    [Fact(Timeout = 20_000)]
    public async Task Fetch_RetryAfterLongerThanMax_NotWaitedFor()
    {
        var calls = 0;
        await using var site = await TestSite.StartAsync(app => app.MapGet("/busy", (HttpContext context) =>
        {
            Interlocked.Increment(ref calls);
            context.Response.Headers.RetryAfter = "3600";
            return Results.StatusCode(429);
        }));

        await Should.ThrowAsync<HttpRequestException>(() => Fetcher().FetchAsync(site.Url("fine.test", "/busy")));

        calls.ShouldBe(1);
    }

    [Fact(Timeout = 20_000)]
    public async Task Fetch_BodyLargerThanLimit_Refused()
    {
        await using var site = await TestSite.StartAsync(app => app.MapGet("/huge", () => Results.Content("<p>" + new string('x', 8_000) + "</p>", "text/html")));
        var sut = Fetcher(s => s[$"{ScrapingHost.Web}:MaxPageBytes"] = "4096");

        var ex = await Should.ThrowAsync<PageRefusedException>(() => sut.FetchAsync(site.Url("fine.test", "/huge")));

        ex.Reason.ShouldBe(RefusalReason.TooLarge);
    }

    [Fact(Timeout = 20_000)]
    public async Task Fetch_NotHtml_Refused()
    {
        await using var site = await TestSite.StartAsync(app => app.MapGet("/data", () => Results.Json(new { name = "x" })));

        var ex = await Should.ThrowAsync<PageRefusedException>(() => Fetcher().FetchAsync(site.Url("fine.test", "/data")));

        ex.Reason.ShouldBe(RefusalReason.NotHtml);
    }
}

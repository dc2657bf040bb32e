using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MonaSpark.Adapters.Scraping;
using MonaSpark.Adapters.Scraping.Extraction;
using MonaSpark.Adapters.Scraping.Fetching;
using MonaSpark.Sources.WebFixtures;

namespace MonaSpark.Benchmarks;

/// <summary>
/// Pages per second fetched and extracted on the two paths of the web source, over the same static
/// fixture pages served by <see cref="WebFixtureServer"/> on loopback: HttpClient + AngleSharp
/// (the default) against Playwright driving headless Chromium (only for pages that need script).
/// Politeness delay and rate limit are lifted so the figures measure the paths, not the waits.
/// Mean time is per page (OperationsPerInvoke); pages/s = 1 s / mean.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class PageFetchBenchmarks
{
    private static readonly Uri[] NoPages = [];
    private WebFixtureServer? _server;
    private IHost? _host;
    private HttpPageFetcher? _http;
    private PlaywrightPageFetcher? _browser;
    private Uri[] _pages = NoPages;

    [GlobalSetup]
    public void Setup()
    {
        _server = WebFixtureServer.StartAsync().GetAwaiter().GetResult();
        var settings = _server.ConnectorSettings(TimeSpan.Zero);
        settings[$"{WebScrapingOptions.SectionName}:RateLimitPermits"] = "1000000";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddWebScraping();
        _host = builder.Build();
        _http = _host.Services.GetRequiredService<HttpPageFetcher>();
        _browser = _host.Services.GetRequiredService<PlaywrightPageFetcher>();
        // The 9 static pages (link-in-bio, artist sites, Bandcamp-style, hostile): both paths read them.
        _pages = [.. WebFixtureServer.Pages
            .Where(p => p.Kind is WebFixtureKind.Static or WebFixtureKind.Bandcamp or WebFixtureKind.Hostile)
            .Select(p => _server.PageUrl(p.Slug))];
        // Launch the browser once outside the measurement, as the host does on first use.
        _browser.FetchAsync(_pages[0]).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ((IAsyncDisposable)_host!).DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server!.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 9)]
    public async Task<int> HttpClientAngleSharp()
    {
        var links = 0;
        foreach (var url in _pages)
        {
            var page = await _http!.FetchAsync(url);
            links += PageExtractor.Extract(page.Html, url, page.FetchedVia).Links.Count;
        }

        return links;
    }

    [Benchmark(OperationsPerInvoke = 9)]
    public async Task<int> PlaywrightChromium()
    {
        var links = 0;
        foreach (var url in _pages)
        {
            var page = await _browser!.FetchAsync(url);
            links += PageExtractor.Extract(page.Html, url, page.FetchedVia).Links.Count;
        }

        return links;
    }
}

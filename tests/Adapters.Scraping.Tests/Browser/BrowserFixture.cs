using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MonaSpark.Sources.WebFixtures;

namespace MonaSpark.Adapters.Scraping.Tests.Browser;

/// <summary>One fixture server and one host (so one Chromium) for every browser test.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public WebFixtureServer Server { get; private set; } = null!;

    public IHost Host { get; private set; } = null!;

    public IServiceProvider Services => Host.Services;

    public async Task InitializeAsync()
    {
        Server = await WebFixtureServer.StartAsync();
        var settings = Server.ConnectorSettings(TimeSpan.Zero);
        settings[$"{ScrapingHost.Web}:RenderWait"] = "00:00:05";
        Host = ScrapingHost.Build(settings);
    }

    public async Task DisposeAsync()
    {
        // Disposing the container closes the browser (PlaywrightPageFetcher is IAsyncDisposable).
        await ((IAsyncDisposable)Host).DisposeAsync();
        await Server.DisposeAsync();
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();
}

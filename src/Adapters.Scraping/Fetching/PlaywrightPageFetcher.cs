using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using MonaSpark.Adapters.Scraping.Safety;

namespace MonaSpark.Adapters.Scraping.Fetching;

/// <summary>
/// Renders pages that need script in headless Chromium: Debian's <c>/usr/bin/chromium</c> driven by
/// Playwright (no browser is ever downloaded). One browser is launched on first use and reused; each
/// page gets its own context (no shared cookies or storage), closed after use; the browser is closed
/// when the host disposes this singleton.
/// <para>
/// The browser never touches the network itself. Every request it makes is intercepted and served by
/// <see cref="HttpPageFetcher"/>, i.e. by the same allow-list, SSRF-checked sockets, robots.txt and
/// resilience pipeline as the HTTP path: the page document is the one already fetched; sub-resources
/// must be GETs on allowed hosts; other navigations, web sockets and service workers are refused.
/// Chromium's own resolver is also pointed nowhere (<c>--host-resolver-rules</c>) as a second wall.
/// </para>
/// </summary>
public sealed partial class PlaywrightPageFetcher(
    HttpPageFetcher http,
    IOptions<WebScrapingOptions> options,
    ILogger<PlaywrightPageFetcher> logger) : IPageFetcher, IAsyncDisposable
{
    private static readonly string[] BrowserArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
        // Defence in depth: requests are all fulfilled by the guarded client, so the browser needs no DNS.
        "--host-resolver-rules=MAP * ~NOTFOUND", "--dns-prefetch-disable",
        "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
    ];

    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    public string Via => "browser";

    /// <summary>Fetches the document on the HTTP path (policy applied), then renders it.</summary>
    public async Task<FetchedPage> FetchAsync(Uri url, CancellationToken cancellationToken = default) =>
        await RenderAsync(await http.FetchAsync(url, cancellationToken), cancellationToken);

    /// <summary>Renders an already fetched document: its scripts run, and the resulting DOM is returned as HTML.</summary>
    public async Task<FetchedPage> RenderAsync(FetchedPage page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var o = options.Value;
        var browser = await BrowserAsync(cancellationToken);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            UserAgent = o.UserAgent,
            ServiceWorkers = ServiceWorkerPolicy.Block,
            AcceptDownloads = false,
            JavaScriptEnabled = true,
        });
        context.SetDefaultTimeout((float)o.BrowserTimeout.TotalMilliseconds);
        var documentServed = 0;
        await context.RouteAsync("**/*", route => ServeAsync(route, page, () => Interlocked.Exchange(ref documentServed, 1) == 0, cancellationToken));
        await context.RouteWebSocketAsync("**", ws => _ = ws.CloseAsync());
        var tab = await context.NewPageAsync();
        try
        {
            await tab.GotoAsync(page.FinalUrl.AbsoluteUri, new PageGotoOptions
            {
                WaitUntil = WaitUntilState.Load,
                Timeout = (float)o.BrowserTimeout.TotalMilliseconds,
            }).WaitAsync(cancellationToken);
            await WaitForContentAsync(tab, o.RenderWait, cancellationToken);
            var html = await tab.ContentAsync().WaitAsync(cancellationToken);
            return page with { Html = html, FetchedVia = Via };
        }
        finally
        {
            await tab.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _launch.WaitAsync();
        try
        {
            _disposed = true;
            if (_browser is not null)
            {
                await _browser.CloseAsync();
                _browser = null;
            }

            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            _launch.Release();
            _launch.Dispose();
        }
    }

    private static async Task WaitForContentAsync(IPage tab, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await tab.WaitForFunctionAsync(
                "() => !!document.querySelector('h1, a[href]')",
                null,
                new PageWaitForFunctionOptions { Timeout = (float)wait.TotalMilliseconds, PollingInterval = 50 }).WaitAsync(cancellationToken);
        }
        catch (TimeoutException ex)
        {
            // Nothing appeared yet: the DOM as it is would land a page without its artist (quarantined
            // as invalid). A slow render is transient: the page's work item is retried later.
            throw new TimeoutException($"The page's script put no heading or link on the page within {wait.TotalSeconds:0.#} s.", ex);
        }
    }

    private async Task ServeAsync(IRoute route, FetchedPage page, Func<bool> claimDocument, CancellationToken cancellationToken)
    {
        var request = route.Request;
        try
        {
            if (request.IsNavigationRequest)
            {
                if (request.Url == page.FinalUrl.AbsoluteUri && claimDocument())
                {
                    await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = page.Html });
                    return;
                }

                LogBlocked(logger, request.Url, "navigation away from the page");
                await route.AbortAsync("blockedbyclient");
                return;
            }

            if (request.Method != "GET" || !Uri.TryCreate(request.Url, UriKind.Absolute, out var url))
            {
                LogBlocked(logger, request.Url, $"{request.Method} request");
                await route.AbortAsync("blockedbyclient");
                return;
            }

            using var response = await http.FetchResourceAsync(url, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = (int)response.StatusCode,
                ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream",
                BodyBytes = body,
            });
        }
        catch (Exception ex) when (ex is PageRefusedException || PageRefusedException.Find(ex) is not null)
        {
            LogBlocked(logger, request.Url, PageRefusedException.Find(ex)!.Reason.ToString());
            await TryAbortAsync(route);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or Polly.ExecutionRejectedException or TimeoutException)
        {
            await TryAbortAsync(route);
        }
    }

    private static async Task TryAbortAsync(IRoute route)
    {
        try
        {
            await route.AbortAsync("failed");
        }
        catch (PlaywrightException)
        {
            // The page is already gone.
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        await _launch.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }

            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.Value.BrowserExecutablePath,
                Headless = true,
                Args = BrowserArgs,
                Timeout = 30_000,
            });
            LogLaunched(logger, _browser.Version);
            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Headless Chromium {Version} launched for script-rendered pages")]
    private static partial void LogLaunched(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Browser request to {Url} blocked: {Reason}")]
    private static partial void LogBlocked(ILogger logger, string url, string reason);
}

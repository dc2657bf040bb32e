using System.ComponentModel.DataAnnotations;
using MonaSpark.Adapters.Http;
using MonaSpark.Adapters.Scraping.Safety;
using MonaSpark.Domain.Validation;

namespace MonaSpark.Adapters.Scraping;

/// <summary>
/// Configuration of the web-page source (<c>MonaSpark:Sources:Web</c>): which pages to read, which
/// domains may be contacted at all, how politely, and how calls are made resilient.
/// </summary>
public sealed class WebScrapingOptions : OutboundResilienceOptions
{
    /// <summary>Pages may queue for their host's permits (64), unlike API calls which stop the page.</summary>
    public WebScrapingOptions() => RateLimitQueue = 64;

    public const string SectionName = "MonaSpark:Sources:Web";

    /// <summary>The user agent sent with every request and matched against robots.txt groups.</summary>
    public const string DefaultUserAgent = "MonaSparkBot/1.0 (+https://monaspark.example/bot)";

    /// <summary>Absolute http(s) URLs of the pages to read, in order; the connector's cursor is an index into this list.</summary>
    public IList<string> Seeds { get; } = [];

    /// <summary>
    /// Hosts that may be contacted (a listed domain also admits its subdomains). Empty (the default)
    /// means the hosts of <see cref="Seeds"/>. Every request and every redirect hop is checked against it.
    /// </summary>
    public IList<string> AllowedDomains { get; } = [];

    /// <summary>Minimum gap between two page requests to the same host (default 2 s); a longer robots.txt Crawl-delay wins.</summary>
    [TimeSpanRange("00:00:00", "00:10:00")]
    public TimeSpan PolitenessDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Sent as User-Agent; its product token (before the '/') selects the robots.txt group.</summary>
    [Required]
    [MinLength(3)]
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>
    /// Tests and the local demo only (default false): lets an allowed host resolve to a loopback
    /// address. Private, link-local, CGNAT, multicast and unspecified addresses stay refused.
    /// </summary>
    public bool AllowLoopbackForTesting { get; set; }

    /// <summary>With <see cref="AllowLoopbackForTesting"/>: the only hosts that may resolve to loopback; empty (default) means every allowed host.</summary>
    public IList<string> LoopbackTestHosts { get; } = [];

    /// <summary>How long a host's robots.txt is trusted (default 1 h); an unreachable robots.txt is retried after a tenth of it.</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan RobotsCacheTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Redirect hops followed, each re-checked (default 5).</summary>
    [Range(0, 10)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Largest response body read, after decompression (default 2 MiB); a larger page is refused.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxPageBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Render pages that need script in headless Chromium (default true); false keeps to the HTTP path.</summary>
    public bool UseBrowser { get; set; } = true;

    /// <summary>The browser binary (default Debian's <c>/usr/bin/chromium</c>; browsers are never downloaded).</summary>
    [Required]
    public string BrowserExecutablePath { get; set; } = "/usr/bin/chromium";

    /// <summary>Navigation and rendering of one page in the browser (default 20 s).</summary>
    [TimeSpanRange("00:00:00.100", "00:05:00")]
    public TimeSpan BrowserTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>After load, how long to wait for script to put a heading or a link on the page (default 5 s).</summary>
    [TimeSpanRange("00:00:00", "00:01:00")]
    public TimeSpan RenderWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The product token of <see cref="UserAgent"/> (<c>MonaSparkBot</c>), used for robots.txt.</summary>
    public string ProductToken => UserAgent.Split('/', 2)[0].Trim();

    /// <summary>The effective allow-list: <see cref="AllowedDomains"/>, or the seed hosts when it is empty.</summary>
    public IReadOnlyList<string> EffectiveAllowedDomains()
    {
        var domains = AllowedDomains.Count > 0
            ? AllowedDomains
            : Seeds.Select(s => Uri.TryCreate(s, UriKind.Absolute, out var u) ? u.IdnHost : null).OfType<string>();
        return [.. domains.Select(UrlGuard.NormalizeHost).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal)];
    }
}

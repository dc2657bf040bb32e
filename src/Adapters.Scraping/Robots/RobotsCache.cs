using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Scraping.Http;
using MonaSpark.Adapters.Scraping.Safety;

namespace MonaSpark.Adapters.Scraping.Robots;

/// <summary>
/// robots.txt per origin (scheme://host:port), fetched through the guarded client and cached for
/// <see cref="WebScrapingOptions.RobotsCacheTtl"/>. As RFC 9309 says: 4xx means no rules; 5xx or an
/// unreachable server means disallow everything (cached for a tenth of the TTL, then retried). A
/// refusal by the SSRF guard is not "unreachable": it propagates and refuses the page.
/// </summary>
public sealed partial class RobotsCache(
    GuardedHttp http,
    IOptions<WebScrapingOptions> options,
    TimeProvider time,
    ILogger<RobotsCache> logger)
{
    private const int MaxRobotsBytes = 512 * 1024;
    private readonly ConcurrentDictionary<string, Task<Entry>> _entries = new(StringComparer.Ordinal);

    /// <summary>The rules that apply to <paramref name="url"/>'s origin.</summary>
    public async Task<RobotsRules> GetRulesAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var origin = url.GetLeftPart(UriPartial.Authority);
        while (true)
        {
            var task = _entries.GetOrAdd(origin, o => LoadAsync(o, cancellationToken));
            Entry entry;
            try
            {
                entry = await task;
            }
            catch
            {
                _entries.TryRemove(KeyValuePair.Create(origin, task));
                throw;
            }

            if (entry.Expires > time.GetUtcNow())
            {
                return entry.Rules;
            }

            _entries.TryRemove(KeyValuePair.Create(origin, task));
        }
    }

    /// <summary>Whether <paramref name="url"/> may be fetched, and the Crawl-delay of its host.</summary>
    public async Task<(bool Allowed, TimeSpan? CrawlDelay)> CheckAsync(Uri url, CancellationToken cancellationToken = default)
    {
        var rules = await GetRulesAsync(url, cancellationToken);
        return (rules.IsAllowed(url.PathAndQuery), rules.CrawlDelay);
    }

    private async Task<Entry> LoadAsync(string origin, CancellationToken cancellationToken)
    {
        var ttl = options.Value.RobotsCacheTtl;
        var robotsUrl = new Uri(origin + "/robots.txt");
        try
        {
            using var response = await http.GetAsync(robotsUrl, MaxRobotsBytes, cancellationToken);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                return new Entry(RobotsRules.Parse(text, options.Value.ProductToken), time.GetUtcNow() + ttl);
            }

            if (status is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return new Entry(RobotsRules.AllowAll, time.GetUtcNow() + ttl);
            }

            LogUnreachable(logger, origin, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (PageRefusedException.Find(ex) is null && ex is not OperationCanceledException { CancellationToken.IsCancellationRequested: true })
        {
            LogUnreachable(logger, origin, ex.GetType().Name);
        }

        return new Entry(RobotsRules.DisallowAll, time.GetUtcNow() + (ttl / 10));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "robots.txt of {Origin} unreachable ({Why}): the whole site is treated as disallowed for now")]
    private static partial void LogUnreachable(ILogger logger, string origin, string why);

    private sealed record Entry(RobotsRules Rules, DateTimeOffset Expires);
}

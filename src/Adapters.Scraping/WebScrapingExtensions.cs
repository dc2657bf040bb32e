using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MonaSpark.Adapters.Scraping.Fetching;
using MonaSpark.Adapters.Scraping.Http;
using MonaSpark.Adapters.Scraping.Robots;
using MonaSpark.Adapters.Scraping.Safety;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Scraping;

/// <summary>Registers web pages as a source.</summary>
public static class WebScrapingExtensions
{
    /// <summary>
    /// Registers the scraping client (SSRF guard in its ConnectCallback, Polly pipeline per host), the
    /// robots.txt cache, the politeness gate, both fetchers and the scraper when the section names
    /// seeds or allowed domains, and the <see cref="WebPageConnector"/> when it names seeds:
    /// <code>
    /// {
    ///   "MonaSpark": {
    ///     "Sources": {
    ///       "Web": {
    ///         "Seeds": [ "https://lunavale.fr/", "https://linktr.ee/zeliemaree" ],
    ///         "AllowedDomains": [ "lunavale.fr", "linktr.ee" ],   // default: the seed hosts
    ///         "PolitenessDelay": "00:00:02",
    ///         "UserAgent": "MonaSparkBot/1.0 (+https://monaspark.example/bot)"
    ///       }
    ///     }
    ///   }
    /// }
    /// </code>
    /// Options are validated at start (<see cref="WebScrapingOptions"/> documents every setting and its
    /// default). Register an <see cref="IDnsResolver"/> before calling this to replace the system one (tests).
    /// </summary>
    public static IHostApplicationBuilder AddWebScraping(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(WebScrapingOptions.SectionName);
        var hasSeeds = section.GetSection("Seeds").GetChildren().Any();
        if (!hasSeeds && !section.GetSection("AllowedDomains").GetChildren().Any())
        {
            return builder;
        }

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WebScrapingOptions>()
            .BindConfiguration(WebScrapingOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Seeds.All(IsHttpUrl), "Every MonaSpark:Sources:Web:Seeds entry must be an absolute http(s) URL.")
            .Validate(o => o.EffectiveAllowedDomains().Count > 0, "MonaSpark:Sources:Web needs AllowedDomains or Seeds.")
            .ValidateOnStart();
        services.TryAddSingleton<IDnsResolver, SystemDnsResolver>();
        services.TryAddSingleton<UrlGuard>();
        services.TryAddSingleton<GuardedConnector>();
        services.TryAddSingleton<GuardedHttp>();
        services.TryAddSingleton<RobotsCache>();
        services.TryAddSingleton<PolitenessGate>();
        services.TryAddSingleton<HttpPageFetcher>();
        services.TryAddSingleton<PlaywrightPageFetcher>();
        services.TryAddSingleton<WebPageScraper>();
        services.AddScrapingHttpClient();
        if (hasSeeds)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<ISourceConnector, WebPageConnector>());
        }

        return builder;
    }

    private static bool IsHttpUrl(string seed) =>
        Uri.TryCreate(seed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

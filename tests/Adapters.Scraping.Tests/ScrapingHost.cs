using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MonaSpark.Adapters.Scraping.Safety;

namespace MonaSpark.Adapters.Scraping.Tests;

/// <summary>Builds a host with <c>AddWebScraping</c>, the test resolver and the given settings.</summary>
internal static class ScrapingHost
{
    public const string Web = "MonaSpark:Sources:Web";

    public static IHost Build(IDictionary<string, string?> settings, TestDnsResolver? dns = null, TimeProvider? time = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IDnsResolver>(dns ?? new TestDnsResolver());
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.AddWebScraping();
        return builder.Build();
    }

    /// <summary>Fast test settings: small delays, few quick retries, loopback allowed for <paramref name="loopbackHosts"/> only.</summary>
    public static Dictionary<string, string?> Settings(string[] allowed, string[] loopbackHosts, string[]? seeds = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{Web}:AllowLoopbackForTesting"] = "true",
            [$"{Web}:PolitenessDelay"] = "00:00:00",
            [$"{Web}:RetryBaseDelay"] = "00:00:00.010",
            [$"{Web}:MaxRetryAttempts"] = "3",
            [$"{Web}:TotalTimeout"] = "00:00:05",
            [$"{Web}:AttemptTimeout"] = "00:00:02",
            [$"{Web}:RenderWait"] = "00:00:03",
        };
        for (var i = 0; i < allowed.Length; i++)
        {
            settings[$"{Web}:AllowedDomains:{i}"] = allowed[i];
        }

        for (var i = 0; i < loopbackHosts.Length; i++)
        {
            settings[$"{Web}:LoopbackTestHosts:{i}"] = loopbackHosts[i];
        }

        for (var i = 0; i < (seeds?.Length ?? 0); i++)
        {
            settings[$"{Web}:Seeds:{i}"] = seeds![i];
        }

        return settings;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MonaSpark.Sources.WebFixtures;

/// <summary>
/// A loopback Kestrel server (127.0.0.1, a free port) serving the fixture artist pages, their script
/// bundles and a robots.txt. For the demo and the scraping tests only, never part of a deployed app:
/// <c>builder.Configuration.AddInMemoryCollection(server.ConnectorSettings())</c> points the web
/// connector at it (loopback is then allowed for its host only through <c>AllowLoopbackForTesting</c>).
/// </summary>
public sealed class WebFixtureServer : IAsyncDisposable
{
    /// <summary>Every fixture page, in seed order.</summary>
    public static readonly IReadOnlyList<WebFixturePage> Pages =
    [
        new("zelie-maree", "/zelie-maree/", "Zélie Marée", WebFixtureKind.Static),
        new("luna-vale", "/luna-vale/", "Luna Vale", WebFixtureKind.Static),
        new("nova-atlas", "/nova-atlas/", "Nova Atlas", WebFixtureKind.Bandcamp),
        new("velvet-komet", "/velvet-komet/", "Velvet Komet", WebFixtureKind.Static),
        new("saint-orchid", "/saint-orchid/", "Saint Orchid", WebFixtureKind.Static),
        new("paper-pilots", "/paper-pilots/", "Paper Pilots", WebFixtureKind.Static),
        new("honey-dunes", "/honey-dunes/", "Honey Dunes", WebFixtureKind.Static),
        new("echo-lights", "/echo-lights/", "Echo Lights", WebFixtureKind.ScriptRendered),
        new("aicha-nour", "/aicha-nour/", "Aïcha Nour", WebFixtureKind.ScriptRendered),
        new("nova-sauvage", "/nova-sauvage/", "Nova Sauvage", WebFixtureKind.ScriptRendered),
        new("press-kit", "/private/press-kit/", "Luna Vale", WebFixtureKind.RobotsDisallowed),
        new("hostile", "/hostile/", "Hélène Rivière", WebFixtureKind.Hostile),
    ];

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<WebFixtureRequest> _requests = new();

    private WebFixtureServer(WebApplication app) => _app = app;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Every request served, in order, with a <see cref="Stopwatch"/> timestamp.</summary>
    public IReadOnlyCollection<WebFixtureRequest> Requests => _requests;

    /// <summary>The URL of every page, in seed order.</summary>
    public IReadOnlyList<Uri> PageUrls => [.. Pages.Select(p => PageUrl(p.Slug))];

    /// <summary>
    /// Starts on 127.0.0.1 and a free port. <paramref name="extraRoutes"/> lets a test add endpoints
    /// (slow, flaky, redirecting pages) next to the fixtures.
    /// </summary>
    public static async Task<WebFixtureServer> StartAsync(Action<IEndpointRouteBuilder>? extraRoutes = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new WebFixtureServer(app);
        app.Use((context, next) =>
        {
            server._requests.Enqueue(new WebFixtureRequest(context.Request.Host.Host, $"{context.Request.Path}{context.Request.QueryString}", context.Request.Headers.UserAgent.ToString(), Stopwatch.GetTimestamp()));
            return next(context);
        });
        app.MapGet("/robots.txt", () => Results.Text(Resource("WebFixtures.robots.txt"), "text/plain; charset=utf-8"));
        foreach (var page in Pages)
        {
            var html = Resource($"WebFixtures.Pages.{page.Slug}.html");
            app.MapGet(page.Path, () => Results.Text(html, "text/html; charset=utf-8"));
        }

        app.MapGet("/assets/{name}", (string name) => Asset(name));
        extraRoutes?.Invoke(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>The HTML of a fixture page as served (for extraction tests without a server).</summary>
    public static string PageHtml(string slug) => Resource($"WebFixtures.Pages.{slug}.html");

    public Uri PageUrl(string slug) => new(BaseUri, Pages.Single(p => p.Slug == slug).Path);

    /// <summary>Requests whose path starts with <paramref name="pathPrefix"/>.</summary>
    public int CountRequests(string pathPrefix) => _requests.Count(r => r.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal));

    /// <summary>
    /// Configuration pointing <c>MonaSpark:Sources:Web</c> at this server: every page as a seed, its
    /// host as the only allowed domain, loopback allowed for testing, a small politeness delay.
    /// </summary>
    public IDictionary<string, string?> ConnectorSettings(TimeSpan? politenessDelay = null)
    {
        const string Web = "MonaSpark:Sources:Web";
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{Web}:AllowedDomains:0"] = BaseUri.Host,
            [$"{Web}:AllowLoopbackForTesting"] = "true",
            [$"{Web}:PolitenessDelay"] = (politenessDelay ?? TimeSpan.FromMilliseconds(50)).ToString("c", CultureInfo.InvariantCulture),
        };
        var i = 0;
        foreach (var url in PageUrls)
        {
            settings[$"{Web}:Seeds:{i++}"] = url.AbsoluteUri;
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static IResult Asset(string name)
    {
        var type = Path.GetExtension(name) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".json" => "application/json; charset=utf-8",
            _ => null,
        };
        var stream = typeof(WebFixtureServer).Assembly.GetManifestResourceStream($"WebFixtures.Assets.{name}");
        return type is null || stream is null ? Results.NotFound() : Results.Stream(stream, type);
    }

    private static string Resource(string name)
    {
        using var stream = typeof(WebFixtureServer).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded fixture {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>A request the fixture server received: host header, path, user agent, <see cref="Stopwatch"/> timestamp.</summary>
public sealed record WebFixtureRequest(string Host, string PathAndQuery, string UserAgent, long Timestamp);

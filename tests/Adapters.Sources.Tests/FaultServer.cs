using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MonaSpark.Adapters.Sources.Tests;

/// <summary>
/// A loopback Kestrel server playing a scripted Spotify: <c>/token</c> always issues a token; every
/// other request goes to the scenario with its 1-based number.
/// </summary>
internal sealed class FaultServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _calls;

    private FaultServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>API calls received (token calls excluded).</summary>
    public int Calls => Volatile.Read(ref _calls);

    public static async Task<FaultServer> StartAsync(Func<HttpContext, int, Task> scenario)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FaultServer(app);
        app.Run(async context =>
        {
            if (context.Request.Path == "/token")
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"access_token\":\"t-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
                return;
            }

            await scenario(context, Interlocked.Increment(ref server._calls));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address + "/");
        return server;
    }

    /// <summary>Spotify settings pointing at this server, fast resilience defaults, and overrides.</summary>
    public Dictionary<string, string?> SpotifySettings(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["BaseUri"] = new Uri(BaseUri, "v1/").AbsoluteUri,
            ["TokenUri"] = new Uri(BaseUri, "token").AbsoluteUri,
            ["ClientId"] = "id",
            ["ClientSecret"] = "secret",
            ["ArtistIds:0"] = "4Z8W4fKeB5YxbusRsdQVPb",
            ["TotalTimeout"] = "00:00:05",
            ["AttemptTimeout"] = "00:00:02",
            ["MaxRetryAttempts"] = "4",
            ["RetryBaseDelay"] = "00:00:00.020",
            ["MinimumThroughput"] = "100",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings.ToDictionary(kv => $"MonaSpark:Sources:Spotify:{kv.Key}", kv => kv.Value, StringComparer.OrdinalIgnoreCase);
    }

    public static Task ArtistsPage(HttpContext context) =>
        context.Response.WriteAsync("{\"artists\":[" + SpotifyPayloads.Artist + "]}");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal static class SpotifyPayloads
{
    public const string Artist = """
        {"external_urls":{"spotify":"https://open.spotify.com/artist/4Z8W4fKeB5YxbusRsdQVPb"},"followers":{"href":null,"total":1204},"genres":["chanson"],"href":"https://api.spotify.com/v1/artists/4Z8W4fKeB5YxbusRsdQVPb","id":"4Z8W4fKeB5YxbusRsdQVPb","images":[],"name":"Zélie Marée","popularity":41,"type":"artist","uri":"spotify:artist:4Z8W4fKeB5YxbusRsdQVPb"}
        """;
}

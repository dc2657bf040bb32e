using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MonaSpark.Sources.Recordings;

/// <summary>
/// A loopback Kestrel server (127.0.0.1, a free port) that replays the <see cref="Recordings"/> through
/// the same routes, parameters and auth checks as the real APIs: the Spotify and SoundCloud
/// client-credentials token endpoints, <c>/v1/search</c> and <c>/v1/artists</c>, YouTube
/// <c>channels.list</c> and <c>search.list</c>, SoundCloud <c>/users/{id}</c> and
/// <c>/users/{id}/tracks</c>, and Instagram business discovery. A call without a valid token or key is
/// refused (401; YouTube answers 403 like the real API).
/// <para>
/// Used only by the demo and the tests, when no real credentials are configured:
/// <c>builder.Configuration.AddInMemoryCollection(server.ConnectorSettings())</c> points every
/// connector at it. Never part of a deployed app.
/// </para>
/// </summary>
public sealed partial class RecordedSourcesServer : IAsyncDisposable
{
    public const string SpotifyClientId = "recorded-spotify-client";
    public const string SpotifyClientSecret = "recorded-spotify-secret";
    public const string YouTubeApiKey = "recorded-youtube-key";
    public const string SoundCloudClientId = "recorded-soundcloud-client";
    public const string SoundCloudClientSecret = "recorded-soundcloud-secret";
    public const string InstagramAccessToken = "recorded-instagram-token";
    public const string InstagramUserId = "17841400000000001";

    /// <summary>A username with no business account: the connector skips it.</summary>
    public const string UnknownInstagramUsername = "no.such.account";

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    private RecordedSourcesServer(WebApplication app, Recordings recordings)
    {
        _app = app;
        Data = recordings;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    public Recordings Data { get; }

    /// <summary>Every request served, as <c>METHOD /path?query</c>, in order.</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    /// <summary>Requests whose path starts with <paramref name="pathPrefix"/>.</summary>
    public int CountRequests(string method, string pathPrefix) =>
        _requests.Count(r => r.StartsWith($"{method} {pathPrefix}", StringComparison.Ordinal));

    /// <summary>Starts on 127.0.0.1 and a free port.</summary>
    public static async Task<RecordedSourcesServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new RecordedSourcesServer(app, Recordings.Load());
        app.Use((context, next) =>
        {
            server._requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            return next(context);
        });
        server.MapSpotify(app);
        server.MapYouTube(app);
        server.MapSoundCloud(app);
        server.MapInstagram(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Revokes every token issued so far: the next API call answers 401 and the connector must fetch a new one.</summary>
    public void RevokeTokens() => _tokens.Clear();

    /// <summary>
    /// Configuration pointing each connector's options at this server, with the recorded credentials
    /// and seeds (known ids, search queries, usernames).
    /// </summary>
    public IDictionary<string, string?> ConnectorSettings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        void List(string key, IEnumerable<string> values)
        {
            var i = 0;
            foreach (var value in values)
            {
                settings[$"{key}:{i++}"] = value;
            }
        }

        const string Sp = "MonaSpark:Sources:Spotify";
        settings[$"{Sp}:BaseUri"] = new Uri(BaseUri, "spotify/v1/").AbsoluteUri;
        settings[$"{Sp}:TokenUri"] = new Uri(BaseUri, "spotify/api/token").AbsoluteUri;
        settings[$"{Sp}:ClientId"] = SpotifyClientId;
        settings[$"{Sp}:ClientSecret"] = SpotifyClientSecret;
        // Half the artists by id; the rest are found by search (with overlap, as in real life).
        List($"{Sp}:ArtistIds", Data.SpotifyArtists.Where((_, i) => i % 2 == 0 || i >= 36).Select(a => (string)a!["id"]!));
        List($"{Sp}:SearchQueries", ["genre:chanson", "a", "e", "o", "i"]);

        const string Yt = "MonaSpark:Sources:YouTube";
        settings[$"{Yt}:BaseUri"] = new Uri(BaseUri, "youtube/v3/").AbsoluteUri;
        settings[$"{Yt}:ApiKey"] = YouTubeApiKey;
        List($"{Yt}:ChannelIds", Data.YouTubeChannels.Select(c => (string)c!["id"]!));
        List($"{Yt}:SearchQueries", ["chanson"]);

        const string Sc = "MonaSpark:Sources:SoundCloud";
        settings[$"{Sc}:BaseUri"] = new Uri(BaseUri, "soundcloud/").AbsoluteUri;
        settings[$"{Sc}:TokenUri"] = new Uri(BaseUri, "soundcloud/oauth/token").AbsoluteUri;
        settings[$"{Sc}:ClientId"] = SoundCloudClientId;
        settings[$"{Sc}:ClientSecret"] = SoundCloudClientSecret;
        List($"{Sc}:UserIds", Data.SoundCloudUsers.Select(u => ((long)u!["user"]!["id"]!).ToString(CultureInfo.InvariantCulture)));

        const string Ig = "MonaSpark:Sources:Instagram";
        settings[$"{Ig}:BaseUri"] = new Uri(BaseUri, "graph/v21.0/").AbsoluteUri;
        settings[$"{Ig}:AccessToken"] = InstagramAccessToken;
        settings[$"{Ig}:IgUserId"] = InstagramUserId;
        List($"{Ig}:Usernames", Data.InstagramAccounts
            .Select(a => (string?)a!["username"])
            .Where(u => u is not null)
            .Select(u => u!)
            .Append(UnknownInstagramUsername));
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static IResult Json(JsonNode node, int status = StatusCodes.Status200OK) =>
        Results.Text(node.ToJsonString(JsonOptions), "application/json; charset=utf-8", Encoding.UTF8, status);

    private string Issue(string platform)
    {
        var token = $"{platform}-{Guid.NewGuid():N}";
        _tokens[token] = platform;
        return token;
    }

    private bool HasToken(HttpRequest request, string scheme, string platform)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(scheme + " ", StringComparison.Ordinal)
            && _tokens.TryGetValue(header[(scheme.Length + 1)..], out var owner)
            && owner == platform;
    }

    /// <summary>RFC 6749 §4.4 with client authentication by HTTP Basic, as both Spotify and SoundCloud document it.</summary>
    private static async Task<(bool Ok, IResult? Error)> CheckClientCredentialsAsync(HttpRequest request, string clientId, string clientSecret)
    {
        var header = request.Headers.Authorization.ToString();
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}"));
        if (!request.HasFormContentType)
        {
            return (false, Json(new JsonObject { ["error"] = "invalid_request", ["error_description"] = "form body expected" }, 400));
        }

        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials")
        {
            return (false, Json(new JsonObject { ["error"] = "unsupported_grant_type", ["error_description"] = "grant_type must be client_credentials" }, 400));
        }

        return header == expected
            ? (true, null)
            : (false, Json(new JsonObject { ["error"] = "invalid_client", ["error_description"] = "Invalid client" }, 400));
    }

    private static string Fold(string? text) =>
        new string((text ?? string.Empty).Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray())
            .ToLowerInvariant();

    private static int? IntQuery(HttpRequest request, string name) =>
        int.TryParse(request.Query[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}

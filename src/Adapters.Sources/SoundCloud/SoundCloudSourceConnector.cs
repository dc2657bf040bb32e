using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Sources.Http;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Adapters.Sources.SoundCloud;

/// <summary>
/// SoundCloud API: <c>GET /users/{id}</c> then <c>GET /users/{id}/tracks</c>, with
/// <c>Authorization: OAuth &lt;token&gt;</c>. One record per user, the envelope
/// <c>{ "user": &lt;user object&gt;, "tracks": [ &lt;track objects&gt; ] }</c> holding both objects exactly
/// as received (SoundCloud's figures that matter — plays, likes, reposts, genres — live on the
/// tracks). The external id is the numeric user id. A user the API does not know (404) is skipped;
/// a user body that is not JSON is landed as it came, so validation quarantines it as malformed.
/// </summary>
public sealed partial class SoundCloudSourceConnector(
    IHttpClientFactory factory,
    IOptions<SoundCloudOptions> options,
    TimeProvider time,
    ILogger<SoundCloudSourceConnector> logger) : ApiSourceConnector(factory, logger), IDisposable
{
    private readonly ClientCredentialsTokens _tokens = new("soundcloud", time);

    public override SourceKind Source => SourceKind.SoundCloud;

    private protected override string FirstStage => SeedCursor.Ids;

    public void Dispose() => _tokens.Dispose();

    private protected override async Task<SeedCursor?> StepAsync(HttpClient http, SeedCursor position, int room, List<RawRecord> records, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (position.Index >= o.UserIds.Count)
        {
            return null;
        }

        var id = o.UserIds[position.Index];
        var next = position with { Index = position.Index + 1 };
        var (user, userBody) = await GetAsync(http, $"users/{Uri.EscapeDataString(id)}", cancellationToken);
        using (user)
        {
            if (user.StatusCode == HttpStatusCode.NotFound)
            {
                LogUnknownUser(logger, id);
                return next;
            }

            if (!user.IsSuccessStatusCode)
            {
                throw SourceCalls.Refused(Key, user, userBody);
            }
        }

        if (!SourceCalls.IsJson(userBody))
        {
            records.Add(new RawRecord(id, userBody));
            return next;
        }

        var (tracks, tracksBody) = await GetAsync(http, $"users/{Uri.EscapeDataString(id)}/tracks?limit={o.MaxTracksPerUser}&linked_partitioning=true", cancellationToken);
        using (tracks)
        {
            if (!tracks.IsSuccessStatusCode)
            {
                throw SourceCalls.Refused(Key, tracks, tracksBody);
            }
        }

        records.Add(new RawRecord(id, Envelope(userBody, tracksBody)));
        return next;
    }

    /// <summary>The documented envelope: the user object and the track objects, their text unchanged.</summary>
    internal static string Envelope(string userBody, string tracksBody)
    {
        using var tracks = SourceCalls.Parse(tracksBody, "soundcloud", "tracks page");
        var root = tracks.RootElement;

        // With linked_partitioning the tracks come as { collection, next_href }; without, as an array.
        var list = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("collection", out var collection) ? collection : root;
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new SourceConnectorException("soundcloud: the tracks page is neither an array nor a collection.");
        }

        var envelope = new StringBuilder(userBody.Length + tracksBody.Length + 32);
        envelope.Append("{\"user\":").Append(userBody.Trim()).Append(",\"tracks\":[");
        var first = true;
        foreach (var track in list.EnumerateArray())
        {
            envelope.Append(first ? string.Empty : ",").Append(track.GetRawText());
            first = false;
        }

        return envelope.Append("]}").ToString();
    }

    private Task<(HttpResponseMessage Response, string Body)> GetAsync(HttpClient http, string relative, CancellationToken cancellationToken)
    {
        var o = options.Value;
        return _tokens.GetAsync(http, SourceCalls.Resolve(o.BaseUri!, relative), "OAuth", o.TokenUri!, o.ClientId!, o.ClientSecret!, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "soundcloud: user {UserId} does not exist (404); skipped")]
    private static partial void LogUnknownUser(ILogger logger, string userId);
}

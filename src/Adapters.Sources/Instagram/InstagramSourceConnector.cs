using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Sources.Http;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Adapters.Sources.Instagram;

/// <summary>
/// Instagram Graph API business discovery:
/// <c>GET /v21.0/{ig-user-id}?fields=business_discovery.username(name){…}&amp;access_token=…</c>, one call
/// and one record per username: the <c>business_discovery</c> object exactly as received, external
/// id its Instagram id. An account that cannot be found or is not professional (error 110/2207013)
/// is skipped; a refused token fails the page; the API's own rate-limit errors (4, 17, 32, 613) end it early.
/// </summary>
public sealed partial class InstagramSourceConnector(
    IHttpClientFactory factory,
    IOptions<InstagramOptions> options,
    ILogger<InstagramSourceConnector> logger) : ApiSourceConnector(factory, logger)
{
    private static readonly int[] RateLimitCodes = [4, 17, 32, 613];

    public override SourceKind Source => SourceKind.Instagram;

    private protected override string FirstStage => SeedCursor.Ids;

    private protected override async Task<SeedCursor?> StepAsync(HttpClient http, SeedCursor position, int room, List<RawRecord> records, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (position.Index >= o.Usernames.Count)
        {
            return null;
        }

        var username = o.Usernames[position.Index];
        var next = position with { Index = position.Index + 1 };
        var fields = Uri.EscapeDataString($"business_discovery.username({username}){{{InstagramOptions.Fields}}}");
        var uri = SourceCalls.Resolve(o.BaseUri!, $"{Uri.EscapeDataString(o.IgUserId!)}?fields={fields}&access_token={Uri.EscapeDataString(o.AccessToken!)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await SourceCalls.SendAsync(http, request, Key, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var (code, subcode, message) = GraphError(body);
            if (code == 110 || subcode == 2207013)
            {
                LogNotFound(logger, username, message);
                return next;
            }

            if (RateLimitCodes.Contains(code ?? 0))
            {
                throw new SourceBudgetExhaustedException($"instagram: the API reports its call limit reached (code {code}).");
            }

            // The token is in the query string: never echo the request URI.
            throw new SourceConnectorException(code == 190
                ? $"instagram: the access token was refused ({(int)response.StatusCode}): {message}"
                : $"instagram: business discovery answered {(int)response.StatusCode} {response.ReasonPhrase}: {message ?? SourceCalls.Excerpt(body)}");
        }

        if (!SourceCalls.IsJson(body))
        {
            records.Add(new RawRecord(username, body));
            return next;
        }

        using var json = JsonDocument.Parse(body);
        if (!json.RootElement.TryGetProperty("business_discovery", out var discovered) || discovered.ValueKind != JsonValueKind.Object)
        {
            throw new SourceConnectorException("instagram: the response has no 'business_discovery' object.");
        }

        var id = discovered.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString()! : username;
        records.Add(new RawRecord(id, discovered.GetRawText()));
        return next;
    }

    private static (int? Code, int? Subcode, string? Message) GraphError(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (!json.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null);
            }

            int? Int(string name) => error.TryGetProperty(name, out var v) && v.TryGetInt32(out var i) ? i : null;
            return (Int("code"), Int("error_subcode"), error.TryGetProperty("message", out var m) ? m.GetString() : null);
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "instagram: {Username} is not a discoverable professional account; skipped ({Reason})")]
    private static partial void LogNotFound(ILogger logger, string username, string? reason);
}

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Sources.Http;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Adapters.Sources.YouTube;

/// <summary>
/// YouTube Data API v3: <c>channels.list?part=snippet,statistics&amp;id=…</c> for known channels (≤ 50 a
/// call, 1 unit), then <c>search.list?type=channel&amp;q=…</c> per query (100 units a page) followed by
/// <c>channels.list</c> for the ids found. Each record is one channel resource exactly as received;
/// the external id is the channel id. Before each call the quota is checked: when the call would
/// exceed the day's allowance the page ends with what it has and the cursor where it stopped.
/// </summary>
public sealed class YouTubeSourceConnector : ApiSourceConnector
{
    private readonly IOptions<YouTubeOptions> _options;
    private readonly YouTubeQuota _quota;

    public YouTubeSourceConnector(IHttpClientFactory factory, IOptions<YouTubeOptions> options, TimeProvider time, ILogger<YouTubeSourceConnector> logger)
        : base(factory, logger)
    {
        _options = options;
        var o = options.Value;
        _quota = new YouTubeQuota(o.DailyQuotaUnits, TimeZoneInfo.FindSystemTimeZoneById(o.QuotaTimeZone), time);
    }

    public override SourceKind Source => SourceKind.YouTube;

    /// <summary>Units left today.</summary>
    public int QuotaRemaining => _quota.Remaining;

    private protected override string FirstStage => SeedCursor.Ids;

    private protected override async Task<SeedCursor?> StepAsync(HttpClient http, SeedCursor position, int room, List<RawRecord> records, CancellationToken cancellationToken)
    {
        var o = _options.Value;
        var take = Math.Min(YouTubeOptions.MaxIdsPerCall, room);
        if (position.Stage == SeedCursor.Ids)
        {
            if (position.Index >= o.ChannelIds.Count)
            {
                return o.SearchQueries.Count > 0 ? new SeedCursor(SeedCursor.Search, 0, null) : null;
            }

            var batch = o.ChannelIds.Skip(position.Index).Take(take).ToList();
            Take(YouTubeOptions.ChannelsListCost);
            records.AddRange(await ChannelsAsync(http, batch, cancellationToken));
            return position with { Index = position.Index + batch.Count };
        }

        if (position.Index >= o.SearchQueries.Count)
        {
            return null;
        }

        // A search page is only worth its 100 units if the channels it finds can be fetched too.
        Take(YouTubeOptions.SearchListCost + YouTubeOptions.ChannelsListCost);
        var token = position.Position is null ? string.Empty : $"&pageToken={Uri.EscapeDataString(position.Position)}";
        string? next;
        List<string> ids;
        try
        {
            using var page = await GetAsync(http, $"search?part=snippet&type=channel&q={Uri.EscapeDataString(o.SearchQueries[position.Index])}&maxResults={take}{token}", "search page", cancellationToken);
            ids = Items(page, "search page")
                .Select(i => i.TryGetProperty("id", out var id) && id.TryGetProperty("channelId", out var channel) ? channel.GetString() : null)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToList();
            next = page.RootElement.TryGetProperty("nextPageToken", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        }
        catch
        {
            _quota.Return(YouTubeOptions.ChannelsListCost);
            throw;
        }

        if (ids.Count > 0)
        {
            records.AddRange(await ChannelsAsync(http, ids, cancellationToken));
        }
        else
        {
            _quota.Return(YouTubeOptions.ChannelsListCost);
        }

        return next is not null
            ? position with { Position = next }
            : position.Index + 1 < o.SearchQueries.Count ? new SeedCursor(SeedCursor.Search, position.Index + 1, null) : null;
    }

    private void Take(int units)
    {
        if (!_quota.TryTake(units))
        {
            throw new SourceBudgetExhaustedException($"youtube: {units} quota units needed, {_quota.Remaining} left today (resets at midnight Pacific time).");
        }
    }

    private async Task<List<RawRecord>> ChannelsAsync(HttpClient http, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        using var page = await GetAsync(http, $"channels?part=snippet,statistics&id={string.Join(',', ids.Select(Uri.EscapeDataString))}&maxResults={YouTubeOptions.MaxIdsPerCall}", "channels page", cancellationToken);

        // Deleted or unknown channels are simply absent from items.
        return Items(page, "channels page")
            .Select(c => new RawRecord(c.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : "(no id)", c.GetRawText()))
            .ToList();
    }

    private static IEnumerable<JsonElement> Items(JsonDocument page, string what)
    {
        if (!page.RootElement.TryGetProperty("items", out var items))
        {
            // The API omits an empty items array.
            return [];
        }

        return items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).ToList()
            : throw new SourceConnectorException($"youtube: the {what}'s 'items' is not an array.");
    }

    private async Task<JsonDocument> GetAsync(HttpClient http, string relative, string what, CancellationToken cancellationToken)
    {
        var o = _options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, SourceCalls.Resolve(o.BaseUri!, $"{relative}&key={Uri.EscapeDataString(o.ApiKey!)}"));
        using var response = await SourceCalls.SendAsync(http, request, Key, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.Forbidden && (body.Contains("\"quotaExceeded\"", StringComparison.Ordinal) || body.Contains("\"dailyLimitExceeded\"", StringComparison.Ordinal)))
        {
            _quota.Exhaust();
            throw new SourceBudgetExhaustedException("youtube: the API reports the daily quota spent.");
        }

        if (!response.IsSuccessStatusCode)
        {
            // The key is in the query string: never echo the request URI.
            throw new SourceConnectorException($"youtube: {what} answered {(int)response.StatusCode} {response.ReasonPhrase}: {SourceCalls.Excerpt(body)}");
        }

        return SourceCalls.Parse(body, Key, what);
    }
}

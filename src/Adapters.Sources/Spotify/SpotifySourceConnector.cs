using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Sources.Http;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Adapters.Sources.Spotify;

/// <summary>
/// Spotify Web API: <c>GET /v1/artists?ids=</c> for known ids (≤ 50 a call), then
/// <c>GET /v1/search?type=artist&amp;q=…&amp;limit&amp;offset</c> per query. Each record is one artist
/// object exactly as received (its raw JSON text); the external id is the Spotify id. The cursor is
/// <c>ids:N</c> or <c>search:N:offset</c>, so a re-run resumes where the last page ended. After the
/// configured queries come <c>genre:"…"</c> queries for the sourcing hints (the genres of the
/// customers and their lookalikes), when a host provides them: the outcomes steer the next sourcing.
/// The hints change slowly (hourly at most); a change mid-pass shifts which hinted query resumes.
/// </summary>
public sealed class SpotifySourceConnector(
    IHttpClientFactory factory,
    IOptions<SpotifyOptions> options,
    TimeProvider time,
    ILogger<SpotifySourceConnector> logger,
    ISourcingHints? hints = null) : ApiSourceConnector(factory, logger), IDisposable
{
    private readonly ClientCredentialsTokens _tokens = new("spotify", time);

    public override SourceKind Source => SourceKind.Spotify;

    private protected override string FirstStage => SeedCursor.Ids;

    public void Dispose() => _tokens.Dispose();

    /// <summary>The configured queries, then one <c>genre:"…"</c> query per hinted genre not already searched.</summary>
    private async Task<IReadOnlyList<string>> QueriesAsync(SpotifyOptions o, CancellationToken cancellationToken)
    {
        if (hints is null || o.HintedGenreQueries == 0)
        {
            return [.. o.SearchQueries];
        }

        var genres = await hints.GenresAsync(o.HintedGenreQueries, cancellationToken);
        var hinted = genres
            .Where(g => !g.Contains('"', StringComparison.Ordinal))
            .Select(g => $"genre:\"{g}\"")
            .Where(q => !o.SearchQueries.Contains(q, StringComparer.OrdinalIgnoreCase));
        return [.. o.SearchQueries, .. hinted];
    }

    private protected override async Task<SeedCursor?> StepAsync(HttpClient http, SeedCursor position, int room, List<RawRecord> records, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var queries = await QueriesAsync(o, cancellationToken);
        if (position.Stage == SeedCursor.Ids)
        {
            if (position.Index >= o.ArtistIds.Count)
            {
                return queries.Count > 0 ? new SeedCursor(SeedCursor.Search, 0, null) : null;
            }

            var batch = o.ArtistIds.Skip(position.Index).Take(Math.Min(SpotifyOptions.MaxIdsPerCall, room)).ToList();
            using var page = await GetAsync(http, $"artists?ids={string.Join(',', batch.Select(Uri.EscapeDataString))}", "artists page", cancellationToken);
            if (!page.RootElement.TryGetProperty("artists", out var artists) || artists.ValueKind != JsonValueKind.Array)
            {
                throw new SourceConnectorException("spotify: the artists page has no 'artists' array.");
            }

            // Unknown ids come back as null entries: nothing to land for them.
            records.AddRange(artists.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).Select(ToRecord));
            return position with { Index = position.Index + batch.Count };
        }

        if (position.Index >= queries.Count)
        {
            return null;
        }

        var offset = position.Offset;
        var limit = Math.Min(Math.Min(SpotifyOptions.MaxSearchLimit, room), o.MaxSearchOffset - offset);
        var nextQuery = position.Index + 1 < queries.Count ? new SeedCursor(SeedCursor.Search, position.Index + 1, null) : (SeedCursor?)null;
        if (limit <= 0)
        {
            return nextQuery;
        }

        var query = Uri.EscapeDataString(queries[position.Index]);
        using var result = await GetAsync(http, $"search?q={query}&type=artist&limit={limit}&offset={offset}", "search page", cancellationToken);
        if (!result.RootElement.TryGetProperty("artists", out var paging) || !paging.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new SourceConnectorException("spotify: the search page has no 'artists.items' array.");
        }

        var found = items.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).Select(ToRecord).ToList();
        records.AddRange(found);
        var hasNext = paging.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String;
        var count = items.GetArrayLength();
        return hasNext && count == limit && offset + count < o.MaxSearchOffset
            ? position with { Position = (offset + count).ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : nextQuery;
    }

    private static RawRecord ToRecord(JsonElement artist) =>
        new(artist.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : "(no id)", artist.GetRawText());

    private async Task<JsonDocument> GetAsync(HttpClient http, string relative, string what, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var (response, body) = await _tokens.GetAsync(http, SourceCalls.Resolve(o.BaseUri!, relative), "Bearer", o.TokenUri!, o.ClientId!, o.ClientSecret!, cancellationToken);
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw SourceCalls.Refused(Key, response, body);
            }

            return SourceCalls.Parse(body, Key, what);
        }
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MonaSpark.Sources.Recordings;

/// <summary>Spotify Web API: accounts token endpoint, <c>GET /v1/search</c> and <c>GET /v1/artists</c>.</summary>
public sealed partial class RecordedSourcesServer
{
    private static IResult SpotifyError(int status, string message) =>
        Json(new JsonObject { ["error"] = new JsonObject { ["status"] = status, ["message"] = message } }, status);

    private void MapSpotify(IEndpointRouteBuilder app)
    {
        app.MapPost("/spotify/api/token", async (HttpRequest request) =>
        {
            var (ok, error) = await CheckClientCredentialsAsync(request, SpotifyClientId, SpotifyClientSecret);
            return ok
                ? Json(new JsonObject { ["access_token"] = Issue("spotify"), ["token_type"] = "Bearer", ["expires_in"] = 3600 })
                : error!;
        });

        app.MapGet("/spotify/v1/artists", (HttpRequest request) =>
        {
            if (!HasToken(request, "Bearer", "spotify"))
            {
                return SpotifyError(401, request.Headers.Authorization.Count == 0 ? "No token provided" : "Invalid access token");
            }

            var ids = request.Query["ids"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (ids.Length == 0 || ids.Length > 50)
            {
                return SpotifyError(400, ids.Length == 0 ? "invalid id" : "Too many ids requested");
            }

            // Unknown ids come back as null, in the order asked.
            var artists = new JsonArray(ids.Select(id => Data.SpotifyArtists.FirstOrDefault(a => (string?)a!["id"] == id)?.DeepClone()).ToArray());
            return Json(new JsonObject { ["artists"] = artists });
        });

        app.MapGet("/spotify/v1/search", (HttpRequest request) =>
        {
            if (!HasToken(request, "Bearer", "spotify"))
            {
                return SpotifyError(401, request.Headers.Authorization.Count == 0 ? "No token provided" : "Invalid access token");
            }

            var q = request.Query["q"].ToString();
            var limit = IntQuery(request, "limit") ?? 20;
            var offset = IntQuery(request, "offset") ?? 0;
            if (string.IsNullOrWhiteSpace(q))
            {
                return SpotifyError(400, "No search query");
            }

            if (!request.Query["type"].ToString().Split(',').Contains("artist"))
            {
                return SpotifyError(400, "Missing or bad parameter: type");
            }

            if (limit is < 1 or > 50 || offset is < 0 or > 1000)
            {
                return SpotifyError(400, "Invalid limit or offset");
            }

            var matches = Data.SpotifyArtists.Where(a => SpotifyMatches(a!, q))
                .OrderByDescending(a => (int?)a!["popularity"] ?? 0)
                .ThenBy(a => (string?)a!["id"], StringComparer.Ordinal)
                .ToList();
            var page = matches.Skip(offset).Take(limit).Select(a => a!.DeepClone()).ToArray();
            string Href(int at) => new Uri(BaseUri, string.Create(CultureInfo.InvariantCulture, $"spotify/v1/search?offset={at}&limit={limit}&query={Uri.EscapeDataString(q)}&type=artist")).AbsoluteUri;
            return Json(new JsonObject
            {
                ["artists"] = new JsonObject
                {
                    ["href"] = Href(offset),
                    ["items"] = new JsonArray(page),
                    ["limit"] = limit,
                    ["next"] = offset + limit < matches.Count ? Href(offset + limit) : null,
                    ["offset"] = offset,
                    ["previous"] = offset > 0 ? Href(Math.Max(0, offset - limit)) : null,
                    ["total"] = matches.Count,
                },
            });
        });
    }

    /// <summary><c>genre:x</c> matches a genre; other terms must all appear in the name (accents and case folded).</summary>
    private static bool SpotifyMatches(JsonNode artist, string q)
    {
        if (q.StartsWith("genre:", StringComparison.OrdinalIgnoreCase))
        {
            var genre = Fold(q["genre:".Length..].Trim('"'));
            return artist["genres"] is JsonArray genres && genres.Any(g => Fold((string?)g) == genre);
        }

        var name = Fold((string?)artist["name"]);
        return name.Length > 0 && q.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(term => name.Contains(Fold(term), StringComparison.Ordinal));
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MonaSpark.Sources.Recordings;

/// <summary>YouTube Data API v3: <c>channels.list</c> and <c>search.list</c> (type=channel), keyed by <c>key</c>.</summary>
public sealed partial class RecordedSourcesServer
{
    private static IResult GoogleError(int status, string reason, string message) => Json(new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["code"] = status,
            ["message"] = message,
            ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["domain"] = "global", ["reason"] = reason }),
        },
    }, status);

    private static IResult? CheckKey(HttpRequest request)
    {
        var key = request.Query["key"].ToString();
        if (key.Length == 0)
        {
            return GoogleError(403, "forbidden", "The request is missing a valid API key.");
        }

        return key == YouTubeApiKey ? null : GoogleError(400, "keyInvalid", "API key not valid. Please pass a valid API key.");
    }

    private void MapYouTube(IEndpointRouteBuilder app)
    {
        app.MapGet("/youtube/v3/channels", (HttpRequest request) =>
        {
            if (CheckKey(request) is { } refused)
            {
                return refused;
            }

            var parts = request.Query["part"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 0)
            {
                return GoogleError(400, "required", "Required parameter: part");
            }

            var ids = request.Query["id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (ids.Length > 50)
            {
                return GoogleError(400, "invalidFilters", "The request specifies too many channel ids (at most 50).");
            }

            var items = ids.Select(id => Data.YouTubeChannels.FirstOrDefault(c => (string?)c!["id"] == id))
                .Where(c => c is not null)
                .Select(c =>
                {
                    var item = new JsonObject { ["kind"] = c!["kind"]!.DeepClone(), ["etag"] = c["etag"]!.DeepClone(), ["id"] = c["id"]!.DeepClone() };
                    foreach (var part in parts.Where(p => c[p] is not null))
                    {
                        item[part] = c[part]!.DeepClone();
                    }

                    return (JsonNode)item;
                })
                .ToArray();
            return Json(new JsonObject
            {
                ["kind"] = "youtube#channelListResponse",
                ["etag"] = "recorded-" + ids.Length.ToString(CultureInfo.InvariantCulture),
                ["pageInfo"] = new JsonObject { ["totalResults"] = items.Length, ["resultsPerPage"] = items.Length },
                ["items"] = new JsonArray(items),
            });
        });

        app.MapGet("/youtube/v3/search", (HttpRequest request) =>
        {
            if (CheckKey(request) is { } refused)
            {
                return refused;
            }

            if (request.Query["part"] != "snippet")
            {
                return GoogleError(400, "invalidPart", "part must be snippet");
            }

            var max = IntQuery(request, "maxResults") ?? 5;
            if (max is < 0 or > 50)
            {
                return GoogleError(400, "invalidMaxResults", "maxResults must be between 0 and 50");
            }

            var q = Fold(request.Query["q"]);
            var token = request.Query["pageToken"].ToString();
            var offset = token.Length == 0 ? 0 : int.Parse(Encoding.ASCII.GetString(Convert.FromBase64String(token)), CultureInfo.InvariantCulture);
            var channels = request.Query["type"] == "channel" ? Data.YouTubeChannels : [];
            var matches = channels.Where(c => Fold((string?)c!["snippet"]?["title"]).Contains(q, StringComparison.Ordinal)
                || Fold((string?)c!["snippet"]?["description"]).Contains(q, StringComparison.Ordinal)).ToList();
            var items = matches.Skip(offset).Take(max).Select(c => (JsonNode)new JsonObject
            {
                ["kind"] = "youtube#searchResult",
                ["etag"] = c!["etag"]!.DeepClone(),
                ["id"] = new JsonObject { ["kind"] = "youtube#channel", ["channelId"] = c["id"]!.DeepClone() },
                ["snippet"] = new JsonObject
                {
                    ["publishedAt"] = c["snippet"]?["publishedAt"]?.DeepClone(),
                    ["channelId"] = c["id"]!.DeepClone(),
                    ["title"] = c["snippet"]?["title"]?.DeepClone(),
                    ["description"] = c["snippet"]?["description"]?.DeepClone(),
                    ["thumbnails"] = c["snippet"]?["thumbnails"]?.DeepClone(),
                    ["channelTitle"] = c["snippet"]?["title"]?.DeepClone(),
                    ["liveBroadcastContent"] = "none",
                },
            }).ToArray();
            var result = new JsonObject
            {
                ["kind"] = "youtube#searchListResponse",
                ["etag"] = "recorded-search",
                ["regionCode"] = "FR",
                ["pageInfo"] = new JsonObject { ["totalResults"] = matches.Count, ["resultsPerPage"] = max },
                ["items"] = new JsonArray(items),
            };
            if (offset + max < matches.Count)
            {
                result["nextPageToken"] = Convert.ToBase64String(Encoding.ASCII.GetBytes((offset + max).ToString(CultureInfo.InvariantCulture)));
            }

            return Json(result);
        });
    }
}

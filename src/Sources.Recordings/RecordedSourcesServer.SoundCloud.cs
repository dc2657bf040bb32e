using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MonaSpark.Sources.Recordings;

/// <summary>SoundCloud API: <c>POST /oauth/token</c>, <c>GET /users/{id}</c>, <c>GET /users/{id}/tracks</c>, with <c>Authorization: OAuth …</c>.</summary>
public sealed partial class RecordedSourcesServer
{
    private static IResult SoundCloudError(int status, string text) => Json(new JsonObject
    {
        ["code"] = status,
        ["message"] = text,
        ["link"] = "https://developers.soundcloud.com/docs/api/explorer/open-api",
        ["status"] = $"{status} - {text}",
        ["errors"] = new JsonArray(),
        ["error"] = null,
    }, status);

    private void MapSoundCloud(IEndpointRouteBuilder app)
    {
        app.MapPost("/soundcloud/oauth/token", async (HttpRequest request) =>
        {
            var (ok, error) = await CheckClientCredentialsAsync(request, SoundCloudClientId, SoundCloudClientSecret);
            return ok
                ? Json(new JsonObject
                {
                    ["access_token"] = Issue("soundcloud"),
                    ["expires_in"] = 3599,
                    ["refresh_token"] = Guid.NewGuid().ToString("N"),
                    ["scope"] = string.Empty,
                    ["token_type"] = "bearer",
                })
                : error!;
        });

        app.MapGet("/soundcloud/users/{id:long}", (long id, HttpRequest request) =>
        {
            if (!HasToken(request, "OAuth", "soundcloud"))
            {
                return SoundCloudError(401, "Unauthorized");
            }

            if (Data.RawSoundCloudUsers.TryGetValue(id, out var raw))
            {
                return Results.Text(raw, "application/json; charset=utf-8");
            }

            return FindSoundCloud(id) is { } envelope ? Json(envelope["user"]!.DeepClone()) : SoundCloudError(404, "Not Found");
        });

        app.MapGet("/soundcloud/users/{id:long}/tracks", (long id, HttpRequest request) =>
        {
            if (!HasToken(request, "OAuth", "soundcloud"))
            {
                return SoundCloudError(401, "Unauthorized");
            }

            if (FindSoundCloud(id) is not { } envelope)
            {
                return Data.RawSoundCloudUsers.ContainsKey(id) ? Json(new JsonArray()) : SoundCloudError(404, "Not Found");
            }

            var limit = Math.Clamp(IntQuery(request, "limit") ?? 50, 1, 200);
            var tracks = new JsonArray(((JsonArray)envelope["tracks"]!).Take(limit).Select(t => t!.DeepClone()).ToArray());
            return request.Query["linked_partitioning"] == "true"
                ? Json(new JsonObject { ["collection"] = tracks, ["next_href"] = null })
                : Json(tracks);
        });
    }

    private JsonNode? FindSoundCloud(long id) => Data.SoundCloudUsers.FirstOrDefault(u => (long?)u!["user"]!["id"] == id);
}

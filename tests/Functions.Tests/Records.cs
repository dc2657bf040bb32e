using System.Text.Json.Nodes;
using MonaSpark.Application.Ports;

namespace MonaSpark.Functions.Tests;

/// <summary>Valid import records (docs/import-format.md), one distinct artist per key.</summary>
internal static class Records
{
    public static RawRecord Import(string key) => new(key, new JsonObject
    {
        ["id"] = key,
        ["name"] = $"Artist {key}",
        ["country"] = "FR",
        ["email"] = $"booking@{key}.example",
        ["profiles"] = new JsonArray(new JsonObject { ["platform"] = "spotify", ["id"] = $"sp-{key}", ["url"] = $"https://open.spotify.com/artist/sp-{key}" }),
        ["metrics"] = new JsonArray(new JsonObject { ["platform"] = "spotify", ["observedAt"] = "2026-01-15T00:00:00Z", ["followers"] = 4200, ["popularity"] = 35 }),
        ["observedAt"] = "2026-01-15T10:00:00Z",
    }.ToJsonString());
}

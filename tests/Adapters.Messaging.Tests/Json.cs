using System.Text.Json.Nodes;

namespace MonaSpark.Adapters.Messaging.Tests;

internal static class Json
{
    /// <summary>The JSON with every object's properties sorted: two documents are equal exactly when their canonical forms are, and a failure shows the difference.</summary>
    public static string Canonical(string json) => Sort(JsonNode.Parse(json))?.ToJsonString() ?? "null";

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sort)]),
        null => null,
        _ => node.DeepClone(),
    };
}

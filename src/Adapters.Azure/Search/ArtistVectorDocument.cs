using System.Text.Json.Serialization;

namespace MonaSpark.Adapters.Azure.Search;

/// <summary>One artist in the AI Search index: the key, the vector and the fields searches filter on.</summary>
internal sealed class ArtistVectorDocument
{
    [JsonPropertyName(AzureSearchIndexDefinition.Key)]
    public string Id { get; set; } = "";

    [JsonPropertyName(AzureSearchIndexDefinition.Vector)]
    public float[] Vector { get; set; } = [];

    /// <summary>Upper case, or null.</summary>
    [JsonPropertyName(AzureSearchIndexDefinition.Country)]
    public string? Country { get; set; }

    /// <summary>Normalised (lower case).</summary>
    [JsonPropertyName(AzureSearchIndexDefinition.Genres)]
    public string[] Genres { get; set; } = [];

    /// <summary>What the vector was computed from (a hash), or null.</summary>
    [JsonPropertyName(AzureSearchIndexDefinition.ContentHash)]
    public string? ContentHash { get; set; }
}

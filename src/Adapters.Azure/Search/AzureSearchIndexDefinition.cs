using Azure.Search.Documents.Indexes.Models;

namespace MonaSpark.Adapters.Azure.Search;

/// <summary>
/// The index: the artist id as key, a cosine HNSW vector field, and filterable country and genres.
/// Nothing is searchable as text and no semantic configuration is set: it serves vector queries only.
/// </summary>
internal static class AzureSearchIndexDefinition
{
    public const string Key = "id";
    public const string Vector = "vector";
    public const string Country = "country";
    public const string Genres = "genres";
    public const string ContentHash = "contentHash";
    public const string Algorithm = "hnsw-cosine";
    public const string Profile = "artist-vectors";

    public static SearchIndex Create(string name, int dimensions) => new(name)
    {
        Fields =
        {
            new SimpleField(Key, SearchFieldDataType.String) { IsKey = true, IsFilterable = true },
            new VectorSearchField(Vector, dimensions, Profile),
            new SimpleField(Country, SearchFieldDataType.String) { IsFilterable = true },
            new SimpleField(Genres, SearchFieldDataType.Collection(SearchFieldDataType.String)) { IsFilterable = true },
            new SimpleField(ContentHash, SearchFieldDataType.String),
        },
        VectorSearch = new VectorSearch
        {
            // The service's documented defaults (m 4, efConstruction 400, efSearch 500), written out
            // so that a change of default never changes this index silently.
            Algorithms =
            {
                new HnswAlgorithmConfiguration(Algorithm)
                {
                    Parameters = new HnswParameters { Metric = VectorSearchAlgorithmMetric.Cosine, M = 4, EfConstruction = 400, EfSearch = 500 },
                },
            },
            Profiles = { new VectorSearchProfile(Profile, Algorithm) },
        },
    };
}

using System.ComponentModel.DataAnnotations;

namespace MonaSpark.Adapters.Local.Vectors;

/// <summary>The in-process vector index's settings. Section <c>MonaSpark:VectorIndex</c>.</summary>
public sealed class LocalVectorIndexOptions
{
    public const string SectionName = "MonaSpark:VectorIndex";

    /// <summary>
    /// The embedding model whose vectors the index holds (default <c>all-MiniLM-L6-v2</c>; the
    /// composition root sets the registered generator's model). Rows stored under another model are
    /// ignored, so switching models never mixes vectors of different spaces.
    /// </summary>
    [Required]
    [MinLength(1)]
    public string Model { get; set; } = "all-MiniLM-L6-v2";

    /// <summary>Scan strategy (default <see cref="VectorSearchMode.Int8Rescored"/>, ADR-006).</summary>
    public VectorSearchMode Mode { get; set; } = VectorSearchMode.Int8Rescored;

    /// <summary>
    /// With <see cref="VectorSearchMode.Int8Rescored"/>: candidates rescored exactly per result asked
    /// for (default 4, at least 40 in all); recall@10 against exact search is measured in ADR-006.
    /// </summary>
    [Range(1, 100)]
    public int RescoreFactor { get; set; } = 4;
}

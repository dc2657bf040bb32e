using System.ComponentModel.DataAnnotations;

namespace MonaSpark.Adapters.Embeddings;

/// <summary>The local sentence-embedding model's settings. Section <c>MonaSpark:Embeddings</c>.</summary>
public sealed class LocalEmbeddingOptions
{
    public const string SectionName = "MonaSpark:Embeddings";

    /// <summary>
    /// Texts per model call (default 32). Larger batches pad every text to the longest one, so they
    /// do not run faster on CPU (PLATFORM.md: one text ≈ 2.6 ms, 64 ≈ 240 ms); they bound memory.
    /// </summary>
    [Range(1, 1024)]
    public int BatchSize { get; set; } = 32;

    /// <summary>ONNX Runtime threads per model call (default 0: one per core).</summary>
    [Range(0, 64)]
    public int IntraOpThreads { get; set; }
}

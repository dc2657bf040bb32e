namespace MonaSpark.Adapters.Local.Vectors;

/// <summary>How the in-process index scans its vectors (ADR-006).</summary>
public enum VectorSearchMode
{
    /// <summary>Int8-quantised vectors scanned first, the best candidates rescored exactly in float32 (the default).</summary>
    Int8Rescored = 0,

    /// <summary>Every float32 vector scanned exactly.</summary>
    Exact = 1,
}

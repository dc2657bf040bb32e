using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Embeddings.Tests;

/// <summary>One generator for a test class: loading the model takes about a second.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public FakeTimeProvider Time { get; } = new(Samples.Epoch);

    public MiniLmEmbeddingGenerator Generator { get; }

    public MiniLmFixture() => Generator = Create(batchSize: 3);

    public MiniLmEmbeddingGenerator Create(int batchSize) =>
        new(Options.Create(new LocalEmbeddingOptions { BatchSize = batchSize }), Time);

    public void Dispose() => Generator.Dispose();
}

using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Embeddings;

namespace MonaSpark.Benchmarks;

/// <summary>Embeddings per second on this CPU with the local model: one text per call, and batches of 64.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class EmbeddingBenchmarks
{
    private const int Batch = 64;

    private MiniLmEmbeddingGenerator _generator = null!;
    private string[] _texts = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _generator = new MiniLmEmbeddingGenerator(Options.Create(new LocalEmbeddingOptions { BatchSize = Batch }), TimeProvider.System);
        var random = new Random(5);
        string[] words = ["dream pop", "techno", "jazz trio", "modular synths", "acoustic ballads", "Lyon", "Berlin", "touring", "new single", "festival", "reverb", "drum machines"];
        _texts = [.. Enumerable.Range(0, 1024).Select(i => $"Genres: {words[random.Next(4)]}. From France. Band number {i} plays {words[random.Next(words.Length)]} with {words[random.Next(words.Length)]}, known for {words[random.Next(words.Length)]} and {words[random.Next(words.Length)]}.")];
        _generator.GenerateAsync(_texts[..2]).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _generator.Dispose();

    [Benchmark(Baseline = true)]
    public Task<ReadOnlyMemory<float>> OneText() => _generator.GenerateVectorAsync(_texts[_next++ % _texts.Length]);

    [Benchmark(OperationsPerInvoke = Batch)]
    public Task<GeneratedEmbeddings<Embedding<float>>> Batch64()
    {
        var start = (_next += Batch) % (_texts.Length - Batch);
        return _generator.GenerateAsync(_texts[start..(start + Batch)]);
    }
}

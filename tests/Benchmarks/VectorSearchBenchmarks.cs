using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Local;
using MonaSpark.Adapters.Local.Vectors;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Benchmarks;

/// <summary>
/// Top-10 latency of the in-process index over 100,000 random unit vectors of 384 dimensions (goal
/// p95 ≤ 5 ms), exact float32 against int8 with float32 rescoring, unfiltered and filtered to one
/// country of ten; the setup prints recall@10 of the int8 scan against the exact one (ADR-006).
/// </summary>
[Config(typeof(PercentileConfig))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class VectorSearchBenchmarks
{
    private const int Count = 100_000;
    private const int Dimensions = 384;
    private const int Queries = 256;
    private static readonly string[] Countries = ["FR", "DE", "US", "GB", "IT", "ES", "BR", "JP", "KR", "NG"];

    private string _directory = null!;
    private SqliteVectorIndex _index = null!;
    private float[][] _queries = [];
    private int _next;

    [Params(VectorSearchMode.Exact, VectorSearchMode.Int8Rescored)]
    public VectorSearchMode Mode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "monaspark-bench-" + Guid.NewGuid().ToString("N"));
        var random = new Random(17);
        var database = new SqliteDatabase(Options.Create(new LocalStorageOptions { DataDirectory = _directory }));
        _index = Open(database, Mode);
        foreach (var chunk in Enumerable.Range(0, Count).Chunk(5_000))
        {
            _index.UpsertAsync([.. chunk.Select(i => new VectorEntry(ArtistId.ForSource(SourceKind.Import, $"v{i}"), RandomUnit(random), Countries[i % Countries.Length], []))]).GetAwaiter().GetResult();
        }

        _queries = [.. Enumerable.Range(0, Queries).Select(_ => RandomUnit(random))];
        if (Mode == VectorSearchMode.Int8Rescored)
        {
            using var exact = Open(database, VectorSearchMode.Exact);
            var hits = 0;
            foreach (var query in _queries)
            {
                var truth = exact.SearchAsync(query, 10).GetAwaiter().GetResult().Select(m => m.ArtistId).ToHashSet();
                hits += _index.SearchAsync(query, 10).GetAwaiter().GetResult().Count(m => truth.Contains(m.ArtistId));
            }

            Console.WriteLine($"// recall@10 of int8 + rescoring against exact: {hits / (Queries * 10d):F4} over {Queries} queries");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _index.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<IReadOnlyList<VectorMatch>> Top10() => _index.SearchAsync(_queries[_next++ % Queries], 10);

    [Benchmark]
    public Task<IReadOnlyList<VectorMatch>> Top10OneCountryOfTen() => _index.SearchAsync(_queries[_next++ % Queries], 10, new VectorFilter("FR", null));

    private static SqliteVectorIndex Open(SqliteDatabase database, VectorSearchMode mode) => Open(database, "bench", mode);

    internal static SqliteVectorIndex Open(SqliteDatabase database, string model, VectorSearchMode mode) =>
        new(database, Options.Create(new LocalVectorIndexOptions { Model = model, Mode = mode }), TimeProvider.System);

    internal static float[] RandomUnit(Random random)
    {
        var vector = new float[Dimensions];
        var norm = 0d;
        for (var i = 0; i < Dimensions; i++)
        {
            // Box-Muller: Gaussian components give directions uniform on the sphere.
            vector[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            norm += vector[i] * vector[i];
        }

        var length = (float)Math.Sqrt(norm);
        for (var i = 0; i < Dimensions; i++)
        {
            vector[i] /= length;
        }

        return vector;
    }

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.P50, StatisticColumn.P95);
    }
}

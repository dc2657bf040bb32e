using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Embeddings;
using MonaSpark.Adapters.Local;
using MonaSpark.Adapters.Local.Vectors;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Benchmarks;

/// <summary>
/// <c>vectors</c> mode: every top-10 query timed one by one over 100,000 vectors (p50/p95/p99 of
/// single queries, exact and int8), and recall@10 of int8 against exact on real MiniLM embeddings of
/// generated artist profiles.
/// </summary>
internal static class VectorLatency
{
    private static readonly string[] Countries = ["FR", "DE", "US", "GB", "IT", "ES", "BR", "JP", "KR", "NG"];

    public static async Task RunAsync(int count, int queries)
    {
        var directory = Path.Combine(Path.GetTempPath(), "monaspark-vectors-" + Guid.NewGuid().ToString("N"));
        try
        {
            var database = new SqliteDatabase(Options.Create(new LocalStorageOptions { DataDirectory = directory }));
            var random = new Random(17);
            using (var exact = VectorSearchBenchmarks.Open(database, "random", VectorSearchMode.Exact))
            {
                foreach (var chunk in Enumerable.Range(0, count).Chunk(5_000))
                {
                    await exact.UpsertAsync([.. chunk.Select(i => new VectorEntry(ArtistId.ForSource(SourceKind.Import, $"v{i}"), VectorSearchBenchmarks.RandomUnit(random), Countries[i % Countries.Length], []))]);
                }
            }

            var probes = Enumerable.Range(0, queries).Select(_ => VectorSearchBenchmarks.RandomUnit(random)).ToList();
            foreach (var mode in new[] { VectorSearchMode.Exact, VectorSearchMode.Int8Rescored })
            {
                using var index = VectorSearchBenchmarks.Open(database, "random", mode);
                await index.SearchAsync(probes[0], 10);
                var ticks = new long[queries];
                for (var q = 0; q < queries; q++)
                {
                    var start = Stopwatch.GetTimestamp();
                    await index.SearchAsync(probes[q], 10);
                    ticks[q] = Stopwatch.GetTimestamp() - start;
                }

                Array.Sort(ticks);
                double Ms(double p) => ticks[(int)(p * (queries - 1))] * 1000.0 / Stopwatch.Frequency;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mode,-13} top-10 over {count:N0}: p50 {Ms(0.5):F2} ms, p95 {Ms(0.95):F2} ms, p99 {Ms(0.99):F2} ms ({queries} single queries)"));
            }

            await RecallOnMiniLmAsync(database);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Recall@10 of the int8 scan against exact search on MiniLM embeddings of 3,000 generated profile texts.</summary>
    private static async Task RecallOnMiniLmAsync(SqliteDatabase database)
    {
        string[] genres = ["dream pop", "techno", "jazz", "drill", "afrobeats", "chanson", "metal", "lo-fi hip hop", "k-pop", "folk", "reggaeton", "ambient"];
        string[] places = ["Lyon", "Berlin", "Lagos", "Seoul", "Montreal", "Madrid", "Bristol", "Dakar", "Osaka", "Bogotá"];
        string[] words = ["live shows", "new single", "debut album", "festival summer", "bedroom recordings", "orchestral", "duo", "collective", "touring", "remixes"];
        var random = new Random(23);
        var texts = Enumerable.Range(0, 3_000).Select(_ =>
            $"Genres: {genres[random.Next(genres.Length)]}, {genres[random.Next(genres.Length)]}. From {places[random.Next(places.Length)]}. {words[random.Next(words.Length)]}, {words[random.Next(words.Length)]}.").ToList();
        using var generator = new MiniLmEmbeddingGenerator(Options.Create(new LocalEmbeddingOptions { BatchSize = 64 }), TimeProvider.System);
        var embeddings = await generator.GenerateAsync(texts);
        using (var exact = VectorSearchBenchmarks.Open(database, "minilm", VectorSearchMode.Exact))
        {
            await exact.UpsertAsync([.. embeddings.Select((e, i) => new VectorEntry(ArtistId.ForSource(SourceKind.Import, $"m{i}"), e.Vector, null, []))]);
        }

        using var exactIndex = VectorSearchBenchmarks.Open(database, "minilm", VectorSearchMode.Exact);
        using var int8Index = VectorSearchBenchmarks.Open(database, "minilm", VectorSearchMode.Int8Rescored);
        var hits = 0;
        const int Queries = 300;
        for (var q = 0; q < Queries; q++)
        {
            var query = embeddings[random.Next(embeddings.Count)].Vector;
            var truth = (await exactIndex.SearchAsync(query, 10)).Select(m => m.ArtistId).ToHashSet();
            hits += (await int8Index.SearchAsync(query, 10)).Count(m => truth.Contains(m.ArtistId));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recall@10 of int8 against exact on MiniLM embeddings of {texts.Count:N0} profiles: {hits / (Queries * 10d):F4} ({Queries} queries)"));
    }
}

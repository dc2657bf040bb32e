using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using MonaSpark.Adapters.MachineLearning;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Features;
using MonaSpark.Simulation;

namespace MonaSpark.Benchmarks;

/// <summary>
/// Lead-model latency (goals: single prediction p50 ≤ 10 µs, p99 ≤ 50 µs; 100,000 artists scored in
/// ≤ 1 s). BenchmarkDotNet gives the means; <see cref="Latency"/> (the <c>scoring</c> mode) times every
/// call to give the percentiles.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private const int Population = 100_000;
    private static readonly DateTimeOffset AsOf = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private ILeadScorer _model = null!;
    private IReadOnlyList<FeatureVector> _vectors = [];
    private int _next;

    [GlobalSetup]
    public void Setup() => (_model, _vectors) = Train();

    internal static (ILeadScorer Model, IReadOnlyList<FeatureVector> Vectors) Train()
    {
        var trainer = new FastTreeLeadModelTrainer(Microsoft.Extensions.Options.Options.Create(new ScoringOptions()));
        var examples = SyntheticPopulation.Generate(8_000, seed: 1, AsOf).Select(a => new TrainingExample(a.Features, a.Converted, a.ValueMinor)).ToList();
        var model = trainer.Train("lead-bench", examples, seed: 42).Scorer;
        return (model, SyntheticPopulation.Generate(Population, seed: 3, AsOf).Select(a => a.Features).ToList());
    }

    /// <summary>One p(convert), the fast path (no explanation).</summary>
    [Benchmark]
    public double SinglePrediction() => _model.Probability(_vectors[_next++ % Population]);

    /// <summary>100,000 artists in one batch.</summary>
    [Benchmark(OperationsPerInvoke = Population)]
    public int ScoreHundredThousand() => _model.Probabilities(_vectors).Count;

    /// <summary><c>scoring</c> mode: every call timed, percentiles printed.</summary>
    public static void Latency(int calls)
    {
        var (model, vectors) = Train();
        for (var i = 0; i < 20_000; i++)
        {
            model.Probability(vectors[i % vectors.Count]);
        }

        var ticks = new long[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            model.Probability(vectors[i % vectors.Count]);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        Array.Sort(ticks);
        double Us(double q) => ticks[(int)(q * (calls - 1))] * 1_000_000.0 / Stopwatch.Frequency;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"single prediction over {calls:N0} calls: p50 {Us(0.50):F2} µs, p95 {Us(0.95):F2} µs, p99 {Us(0.99):F2} µs"));

        var batch = Stopwatch.StartNew();
        var scored = model.Probabilities(vectors).Count;
        Console.WriteLine(string.Create(inv, $"batch: {scored:N0} artists in {batch.Elapsed.TotalMilliseconds:F0} ms"));

        var input = new ScoringInput(
            new Domain.Artists.Artist { Id = vectors[0].ArtistId, Name = new("x", new Domain.Sources.Provenance(Domain.Sources.SourceKind.Import, "src-x", AsOf)), CreatedAt = AsOf, UpdatedAt = AsOf },
            [],
            vectors[0],
            AsOf);
        var explained = new long[10_000];
        for (var i = 0; i < explained.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            model.Score(input with { Features = vectors[i % vectors.Count] });
            explained[i] = Stopwatch.GetTimestamp() - start;
        }

        Array.Sort(explained);
        Console.WriteLine(string.Create(inv, $"with explanation and value: p50 {explained[5_000] * 1_000_000.0 / Stopwatch.Frequency:F2} µs, p99 {explained[9_900] * 1_000_000.0 / Stopwatch.Frequency:F2} µs"));
    }
}

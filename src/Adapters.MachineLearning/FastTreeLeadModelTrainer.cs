using System.IO.Compression;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Features;

namespace MonaSpark.Adapters.MachineLearning;

/// <summary>
/// Trains the lead models with ML.NET FastTree: a binary model for p(convert), whose probabilities
/// come through FastTree's Platt calibrator, with a feature-contribution stage for the explanations;
/// and a regression on log(1 + lifetime value) over the conversions (their mean stands in while there
/// are fewer than <see cref="MinValueExamples"/>). Both go into one zip: the registry's content.
/// </summary>
public sealed class FastTreeLeadModelTrainer(IOptions<ScoringOptions> scoring) : ILeadModelTrainer
{
    /// <summary>Conversions with a value needed before the value model is trained (fewer: their mean value).</summary>
    public const int MinValueExamples = 30;

    internal const string ConversionEntry = "conversion.zip";
    internal const string ValueEntry = "value.zip";
    internal const string ManifestEntry = "model.json";

    /// <summary>Top contributions kept per score (each sign), enough for a short explanation.</summary>
    internal const int Contributions = 4;

    public TrainedLeadModel Train(string modelId, IReadOnlyList<TrainingExample> examples, int seed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Any(e => e.Features.FeatureSet != FeatureSetV1.Version || e.Features.Values.Count != FeatureSetV1.Count))
        {
            throw new ArgumentException($"Every example must carry a {FeatureSetV1.Version} vector of {FeatureSetV1.Count} values.", nameof(examples));
        }

        var ml = new MLContext(seed);
        var rows = examples.Select(e => new ModelInput
        {
            Features = [.. e.Features.Values],
            Label = e.Converted,
            Value = (float)Math.Log(1 + (e.ValueMinor / 100.0)),
        }).ToList();
        var data = ModelInput.Load(ml, rows);

        // A fifth of the examples (every fifth, so the split is deterministic) is kept out of the trees
        // to fit the Platt calibrator: probabilities calibrated on data the trees did not see.
        var fit = ModelInput.Load(ml, rows.Where((_, i) => i % 5 != 0));
        var calibration = ModelInput.Load(ml, rows.Where((_, i) => i % 5 == 0));

        var conversion = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(ModelInput.Label),
            FeatureColumnName = nameof(ModelInput.Features),
            // Shallow trees, many examples per leaf: outcomes are noisy (a conversion is a coin with
            // p ≈ 0.2–0.6), and deeper trees measured worse on held-out outcomes (docs/scoring.md).
            NumberOfTrees = 150,
            NumberOfLeaves = 4,
            MinimumExampleCountPerLeaf = Math.Clamp(rows.Count / 50, 10, 150),
            LearningRate = 0.1,
            Seed = seed,
            NumberOfThreads = 1,
        }).Fit(fit);
        var calibrator = ml.BinaryClassification.Calibrators.Platt(nameof(ModelInput.Label)).Fit(conversion.Transform(calibration));
        var contributions = ml.Transforms.CalculateFeatureContribution(conversion, Contributions, Contributions, normalize: false).Fit(conversion.Transform(data));
        var explained = new TransformerChain<ITransformer>(conversion, calibrator, contributions);

        var paying = rows.Where(r => r.Label && r.Value > 0).ToList();
        ITransformer? value = null;
        if (paying.Count >= MinValueExamples)
        {
            value = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
            {
                LabelColumnName = nameof(ModelInput.Value),
                FeatureColumnName = nameof(ModelInput.Features),
                NumberOfTrees = 50,
                NumberOfLeaves = 8,
                MinimumExampleCountPerLeaf = 5,
                Seed = seed,
                NumberOfThreads = 1,
            }).Fit(ModelInput.Load(ml, paying));
        }

        var manifest = new ModelManifest(
            FeatureSetV1.Version,
            FeatureSetV1.Count,
            paying.Count == 0 ? DefaultValueMinor() : (long)Math.Round(examples.Where(e => e.Converted && e.ValueMinor > 0).Average(e => e.ValueMinor)),
            value is not null)
        {
            LogOddsPerScore = LogOddsPerScore(calibrator.Transform(conversion.Transform(calibration))),
            ValueSmearing = value is null ? 1 : Smearing(ml, value, paying),
        };
        var content = Serialise(ml, data.Schema, explained, value, manifest);
        return new TrainedLeadModel(content, Load(modelId, content));
    }

    public ILeadScorer Load(string modelId, ReadOnlyMemory<byte> content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        var ml = new MLContext();
        using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
        var manifest = ReadManifest(zip);
        if (manifest.FeatureSet != FeatureSetV1.Version || manifest.FeatureCount != FeatureSetV1.Count)
        {
            throw new InvalidDataException($"Model {modelId} reads {manifest.FeatureSet} ({manifest.FeatureCount} features); this build computes {FeatureSetV1.Version} ({FeatureSetV1.Count}).");
        }

        if (LoadEntry(ml, zip, ConversionEntry) is not TransformerChain<ITransformer> chain || chain.Count() != 3)
        {
            throw new InvalidDataException($"Model {modelId} has no conversion model with contributions.");
        }

        var value = manifest.HasValueModel ? LoadEntry(ml, zip, ValueEntry) : null;
        return new MlLeadScorer(modelId, ml, chain, value, manifest, scoring.Value.Currency);
    }

    /// <summary>
    /// The Platt calibrator's slope, read off the calibration rows: log-odds are linear in the trees'
    /// score, so a least-squares fit over (score, logit p) recovers it exactly. ML.NET keeps it private.
    /// </summary>
    private static double LogOddsPerScore(IDataView calibrated)
    {
        var scores = calibrated.GetColumn<float>("Score").ToArray();
        var logits = calibrated.GetColumn<float>("Probability").Select(p => Logit(p)).ToArray();
        var pairs = scores.Zip(logits).Where(p => double.IsFinite(p.Second) && Math.Abs(p.Second) < 15).ToList();
        if (pairs.Count < 2)
        {
            return 0;
        }

        var meanS = pairs.Average(p => p.First);
        var meanL = pairs.Average(p => p.Second);
        var sxx = pairs.Sum(p => (p.First - meanS) * (p.First - meanS));
        return sxx < 1e-12 ? 0 : pairs.Sum(p => (p.First - meanS) * (p.Second - meanL)) / sxx;
    }

    /// <summary>
    /// Duan's smearing factor: the value model fits log(1 + value), whose back-transform exp(ŷ) is a
    /// median; the mean of exp(residual) over the training conversions turns it into a mean.
    /// </summary>
    private static double Smearing(MLContext ml, ITransformer value, List<ModelInput> paying)
    {
        var predicted = value.Transform(ModelInput.Load(ml, paying)).GetColumn<float>("Score").ToArray();
        return paying.Select((row, i) => Math.Exp(row.Value - predicted[i])).Average();
    }

    private static double Logit(double p)
    {
        var clamped = Math.Clamp(p, 1e-9, 1 - 1e-9);
        return Math.Log(clamped / (1 - clamped));
    }

    private long DefaultValueMinor() => scoring.Value.MonthlyPlanMinor * scoring.Value.ExpectedLifetimeMonths;

    private static byte[] Serialise(MLContext ml, DataViewSchema schema, ITransformer conversion, ITransformer? value, ModelManifest manifest)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry(ConversionEntry, CompressionLevel.NoCompression).Open())
            {
                ml.Model.Save(conversion, schema, entry);
            }

            if (value is not null)
            {
                using var entry = zip.CreateEntry(ValueEntry, CompressionLevel.NoCompression).Open();
                ml.Model.Save(value, schema, entry);
            }

            using var json = zip.CreateEntry(ManifestEntry).Open();
            JsonSerializer.Serialize(json, manifest);
        }

        return buffer.ToArray();
    }

    private static ModelManifest ReadManifest(ZipArchive zip)
    {
        var entry = zip.GetEntry(ManifestEntry) ?? throw new InvalidDataException($"The model has no {ManifestEntry}.");
        using var stream = entry.Open();
        return JsonSerializer.Deserialize<ModelManifest>(stream) ?? throw new InvalidDataException($"The model's {ManifestEntry} is empty.");
    }

    private static ITransformer LoadEntry(MLContext ml, ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"The model has no {name}.");

        // ML.NET needs a seekable stream.
        using var copy = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(copy);
        }

        copy.Position = 0;
        return ml.Model.Load(copy, out _);
    }

    internal sealed record ModelManifest(string FeatureSet, int FeatureCount, long MeanValueMinor, bool HasValueModel)
    {
        /// <summary>The calibrator's slope: log-odds per unit of the trees' score (contributions are in that score).</summary>
        public double LogOddsPerScore { get; init; }

        /// <summary>Multiplies exp(ŷ) of the value model so that it estimates a mean, not a median.</summary>
        public double ValueSmearing { get; init; } = 1;
    }
}

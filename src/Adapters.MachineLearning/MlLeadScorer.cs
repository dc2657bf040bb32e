using Microsoft.ML;
using Microsoft.ML.Data;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Commerce;
using MonaSpark.Domain.Features;
using MonaSpark.Domain.Leads;

namespace MonaSpark.Adapters.MachineLearning;

/// <summary>
/// A trained lead model as a scorer. <see cref="Probability"/> runs the calibrated binary model alone
/// (the fast path: evaluation and bulk scoring); <see cref="Score"/> adds the feature contributions
/// and the value model. ML.NET prediction engines are not thread-safe: each thread gets its own.
/// A contribution is in the trees' score; through the Platt calibrator it is slope × contribution in
/// log-odds, and its effect on the probability is reported to first order, that × p × (1 − p). Its words come from the feature's value (<see cref="FeatureSetV1.Describe"/>).
/// </summary>
public sealed class MlLeadScorer : ILeadScorer, IDisposable
{
    private readonly MLContext _ml;
    private readonly ITransformer _conversion;
    private readonly long _meanValueMinor;
    private readonly double _logOddsPerScore;
    private readonly double _smearing;
    private readonly CurrencyCode _currency;
    private readonly ThreadLocal<PredictionEngine<ModelInput, ConversionOutput>> _fast;
    private readonly ThreadLocal<PredictionEngine<ModelInput, ExplainedConversionOutput>> _explained;
    private readonly ThreadLocal<PredictionEngine<ModelInput, ValueOutput>>? _value;

    internal MlLeadScorer(string modelVersion, MLContext ml, TransformerChain<ITransformer> explained, ITransformer? value, FastTreeLeadModelTrainer.ModelManifest manifest, string currency)
    {
        ModelVersion = modelVersion;
        _ml = ml;
        // The chain is trees → Platt calibrator → contributions; the fast path stops after the calibrator.
        _conversion = new TransformerChain<ITransformer>(explained.Take(2).ToArray());
        var schema = ModelInput.Schema();
        // Contributions are in the trees' score; the calibrator maps a score linearly to log-odds with
        // the slope measured at training (manifest).
        _logOddsPerScore = manifest.LogOddsPerScore;
        _meanValueMinor = manifest.MeanValueMinor;
        _smearing = manifest.ValueSmearing;
        _currency = new CurrencyCode(currency);
        _fast = new(() => ml.Model.CreatePredictionEngine<ModelInput, ConversionOutput>(_conversion, inputSchemaDefinition: schema), trackAllValues: true);
        _explained = new(() => ml.Model.CreatePredictionEngine<ModelInput, ExplainedConversionOutput>(explained, inputSchemaDefinition: schema), trackAllValues: true);
        _value = value is null ? null : new(() => ml.Model.CreatePredictionEngine<ModelInput, ValueOutput>(value, inputSchemaDefinition: schema), trackAllValues: true);
    }

    public string ModelVersion { get; }

    public double Probability(FeatureVector features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return _fast.Value!.Predict(ModelInput.From(features)).Probability;
    }

    public IReadOnlyList<double> Probabilities(IReadOnlyList<FeatureVector> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0)
        {
            return [];
        }

        var scored = _conversion.Transform(ModelInput.Load(_ml, features.Select(ModelInput.From)));
        return scored.GetColumn<float>(nameof(ConversionOutput.Probability)).Select(p => (double)p).ToList();
    }

    public Score Score(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var row = ModelInput.From(input.Features);
        var output = _explained.Value!.Predict(row);
        var p = (double)output.Probability;
        var bestPlatform = FeatureSetV1.BestGrowthPlatform(input.History, input.AsOf);
        var explanation = output.FeatureContributions
            .Select((contribution, feature) => (contribution, feature))
            .Where(c => c.contribution != 0)
            .OrderByDescending(c => Math.Abs(c.contribution))
            .Take(FastTreeLeadModelTrainer.Contributions)
            .Select(c => new ScoreContribution(
                FeatureSetV1.Names[c.feature],
                Math.Round(c.contribution * _logOddsPerScore * p * (1 - p), 4),
                $"{(c.contribution > 0 ? "+" : "−")} {FeatureSetV1.Describe(c.feature, input.Features[c.feature], bestPlatform)}"))
            .ToList();

        var valueMinor = _value is null
            ? _meanValueMinor
            : (long)Math.Round(((Math.Exp(_value.Value!.Predict(row).Score) * _smearing) - 1) * 100);
        return new Score(Math.Round(p, 4), new Money(Math.Max(0, valueMinor), _currency), ModelVersion, explanation, input.AsOf);
    }

    public void Dispose()
    {
        foreach (var engine in _fast.Values)
        {
            engine.Dispose();
        }

        foreach (var engine in _explained.Values)
        {
            engine.Dispose();
        }

        foreach (var engine in _value?.Values ?? [])
        {
            engine.Dispose();
        }

        _fast.Dispose();
        _explained.Dispose();
        _value?.Dispose();
    }
}

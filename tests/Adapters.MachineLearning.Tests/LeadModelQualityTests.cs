using System.Globalization;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Scoring;
using MonaSpark.Application.Training;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Features;
using MonaSpark.Simulation;
using MonaSpark.TestKit;
using Xunit.Abstractions;

namespace MonaSpark.Adapters.MachineLearning.Tests;

/// <summary>One training shared by the class: 8,000 generated artists to train on, 4,000 held out.</summary>
public sealed class TrainedOnPopulation
{
    public static readonly IOptions<ScoringOptions> Scoring = Microsoft.Extensions.Options.Options.Create(new ScoringOptions());

    public TrainedOnPopulation()
    {
        var train = SyntheticPopulation.Generate(8_000, seed: 1, Samples.Epoch);
        Holdout = SyntheticPopulation.Generate(4_000, seed: 2, Samples.Epoch);
        Trainer = new FastTreeLeadModelTrainer(Scoring);
        Model = Trainer.Train("lead-test", [.. train.Select(a => new TrainingExample(a.Features, a.Converted, a.ValueMinor))], seed: 42);
    }

    public FastTreeLeadModelTrainer Trainer { get; }

    public IReadOnlyList<SyntheticArtist> Holdout { get; }

    public TrainedLeadModel Model { get; }
}

/// <summary>
/// Quality on a generated population whose conversion rule is known: the trained model must rank
/// better than the baseline formula, be calibrated, and explain itself in plain words.
/// </summary>
public sealed class LeadModelQualityTests(TrainedOnPopulation trained, ITestOutputHelper output) : IClassFixture<TrainedOnPopulation>
{
    private List<FeatureVector> Vectors => trained.Holdout.Select(a => a.Features).ToList();

    private List<bool> Outcomes => trained.Holdout.Select(a => a.Converted).ToList();

    [Fact]
    public void Model_RanksBetterThanTheBaseline_AndIsCalibrated()
    {
        var model = ModelEvaluation.Evaluate(trained.Model.Scorer.Probabilities(Vectors), Outcomes);
        var baseline = ModelEvaluation.Evaluate(((ILeadScorer)new BaselineLeadScorer(TrainedOnPopulation.Scoring)).Probabilities(Vectors), Outcomes);
        var truth = ModelEvaluation.Evaluate(trained.Holdout.Select(a => a.TrueProbability).ToList(), Outcomes);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"held out {model.EvaluatedOn} ({model.Positives} conversions): model AUC {model.Auc:F3} log loss {model.LogLoss:F3} ECE {model.CalibrationError:F3}; baseline AUC {baseline.Auc:F3} log loss {baseline.LogLoss:F3} ECE {baseline.CalibrationError:F3}; ground truth AUC {truth.Auc:F3}"));

        model.Auc.ShouldBeGreaterThan(baseline.Auc + 0.02);
        model.LogLoss.ShouldBeLessThan(baseline.LogLoss);
        model.CalibrationError.ShouldBeLessThan(0.05);
        model.Auc.ShouldBeLessThanOrEqualTo(truth.Auc + 0.02); // nothing learns beyond the truth: a leak would show here
    }

    [Fact]
    public void Probabilities_Batch_EqualsOneByOne()
    {
        var few = Vectors.Take(50).ToList();

        var batch = trained.Model.Scorer.Probabilities(few);

        batch.ShouldBe(few.Select(trained.Model.Scorer.Probability).ToList(), tolerance: 1e-6);
    }

    [Fact]
    public void Load_TheSerialisedModel_ScoresTheSame()
    {
        var loaded = trained.Trainer.Load("lead-test", trained.Model.Content);

        loaded.ModelVersion.ShouldBe("lead-test");
        foreach (var vector in Vectors.Take(50))
        {
            loaded.Probability(vector).ShouldBe(trained.Model.Scorer.Probability(vector), 1e-6);
        }
    }

    [Fact]
    public void Train_SameExamplesAndSeed_SameModel()
    {
        var again = trained.Trainer.Train("lead-again", [.. SyntheticPopulation.Generate(8_000, seed: 1, Samples.Epoch).Select(a => new TrainingExample(a.Features, a.Converted, a.ValueMinor))], seed: 42);

        foreach (var vector in Vectors.Take(50))
        {
            again.Scorer.Probability(vector).ShouldBe(trained.Model.Scorer.Probability(vector));
        }
    }

    [Fact]
    public void Score_ExplainsInPlainWordsWithTheModelVersion()
    {
        var likely = trained.Holdout.MaxBy(a => trained.Model.Scorer.Probability(a.Features))!;
        var artist = new Artist
        {
            Id = likely.Features.ArtistId,
            Name = new("Test", new Domain.Sources.Provenance(Domain.Sources.SourceKind.Import, "src-x", Samples.Epoch)),
            CreatedAt = Samples.Epoch,
            UpdatedAt = Samples.Epoch,
        };

        var score = trained.Model.Scorer.Score(new ScoringInput(artist, [], likely.Features, Samples.Epoch));

        score.ModelVersion.ShouldBe("lead-test");
        score.Probability.ShouldBe(trained.Model.Scorer.Probability(likely.Features), 1e-4);
        score.ExpectedValue.MinorUnits.ShouldBeGreaterThan(0);
        score.Explanation.Count.ShouldBeInRange(1, 4);
        score.Explanation.ShouldContain(c => c.Impact > 0);
        score.Explanation.Select(c => Math.Abs(c.Impact)).ShouldBeInOrder(SortDirection.Descending);
        foreach (var c in score.Explanation)
        {
            var feature = FeatureSetV1.Names.ToList().IndexOf(c.Feature);
            feature.ShouldBeGreaterThanOrEqualTo(0);
            c.Description.ShouldBe($"{(c.Impact > 0 ? "+" : "−")} {FeatureSetV1.Describe(feature, likely.Features[feature])}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p = {score.Probability:F3}, value {score.ExpectedValue.MinorUnits / 100.0:F2}"));
        output.WriteLine(string.Join(Environment.NewLine, score.Explanation.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Impact:+0.000;-0.000} {c.Description}"))));
    }

    [Fact]
    public void Load_ContentOfAnotherFeatureSetOrGarbage_Refused()
    {
        Should.Throw<InvalidDataException>(() => trained.Trainer.Load("lead-x", new byte[] { 1, 2, 3 }));
    }
}

using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Features;
using MonaSpark.Domain.Leads;

namespace MonaSpark.Application.Ports;

/// <summary>
/// Scores an artist's likelihood to convert and expected value, explainably. The baseline formula
/// and the trained models implement the same port. Pure: no I/O, safe to call from many threads.
/// </summary>
public interface ILeadScorer
{
    /// <summary>The model or formula version stamped on every score.</summary>
    string ModelVersion { get; }

    /// <summary>Scores one artist, with the contributions behind the score in plain words.</summary>
    Score Score(ScoringInput input);

    /// <summary>p(convert) from the features alone, without an explanation: evaluation on held-out outcomes and bulk scoring.</summary>
    double Probability(FeatureVector features);

    /// <summary>p(convert) for many artists at once; adapters with a batch path override it.</summary>
    IReadOnlyList<double> Probabilities(IReadOnlyList<FeatureVector> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var result = new double[features.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Probability(features[i]);
        }

        return result;
    }
}

/// <summary>What a score is computed from: the profile, its metric history and its features, all as of <see cref="AsOf"/>.</summary>
public sealed record ScoringInput(Artist Artist, IReadOnlyList<MetricSnapshot> History, FeatureVector Features, DateTimeOffset AsOf);

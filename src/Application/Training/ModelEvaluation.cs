using MonaSpark.Application.Ports;

namespace MonaSpark.Application.Training;

/// <summary>
/// The figures models are judged by, computed the same way for every scorer (the baseline formula
/// included) from its probabilities on held-out outcomes.
/// </summary>
public static class ModelEvaluation
{
    private const double Epsilon = 1e-15;

    public static ModelMetrics Evaluate(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (probabilities.Count != outcomes.Count)
        {
            throw new ArgumentException("One probability per outcome.", nameof(probabilities));
        }

        return new ModelMetrics(Auc(probabilities, outcomes), LogLoss(probabilities, outcomes), CalibrationError(probabilities, outcomes), outcomes.Count, outcomes.Count(o => o));
    }

    /// <summary>The probability that a random conversion ranks above a random non-conversion (ties count half); 0.5 with one class only.</summary>
    public static double Auc(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(outcomes);
        var order = Enumerable.Range(0, probabilities.Count).OrderBy(i => probabilities[i]).ToArray();
        double positives = outcomes.Count(o => o), negatives = outcomes.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return 0.5;
        }

        // Mann–Whitney U from mid-ranks, so tied scores share their rank.
        double rankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && probabilities[order[end + 1]] == probabilities[order[start]])
            {
                end++;
            }

            var midRank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                rankSum += outcomes[order[k]] ? midRank : 0;
            }

            start = end + 1;
        }

        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    public static double LogLoss(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            return 0;
        }

        double sum = 0;
        for (var i = 0; i < outcomes.Count; i++)
        {
            var p = Math.Clamp(probabilities[i], Epsilon, 1 - Epsilon);
            sum -= outcomes[i] ? Math.Log(p) : Math.Log(1 - p);
        }

        return sum / outcomes.Count;
    }

    /// <summary>Expected calibration error: over ten equal-width probability bins, the share-weighted gap between mean prediction and observed rate.</summary>
    public static double CalibrationError(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            return 0;
        }

        var count = new int[bins];
        var predicted = new double[bins];
        var observed = new double[bins];
        for (var i = 0; i < outcomes.Count; i++)
        {
            var bin = Math.Min(bins - 1, (int)(Math.Clamp(probabilities[i], 0, 1) * bins));
            count[bin]++;
            predicted[bin] += probabilities[i];
            observed[bin] += outcomes[i] ? 1 : 0;
        }

        double error = 0;
        for (var b = 0; b < bins; b++)
        {
            if (count[b] > 0)
            {
                error += count[b] / (double)outcomes.Count * Math.Abs((predicted[b] - observed[b]) / count[b]);
            }
        }

        return error;
    }
}

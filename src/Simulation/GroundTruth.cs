using MonaSpark.Domain.Features;

namespace MonaSpark.Simulation;

/// <summary>
/// The hidden rule simulated artists convert by: a logistic function of their <see cref="FeatureSetV1"/>
/// features: a sweet spot in audience, growth, reachability, engagement and activity, an interaction
/// (urban genres in French-speaking markets convert better) and stars who rarely need us. The baseline
/// formula sees only audience, growth and e-mail, so a trained model can beat it, by an amount the
/// tests measure.
/// </summary>
public static class GroundTruth
{
    /// <summary>The true p(convert) of an artist with these features.</summary>
    public static double ConversionProbability(FeatureVector features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var audience = features[FeatureSetV1.TotalAudience];               // log10(1 + n)
        var sweetSpot = Math.Exp(-Math.Pow((audience - 4.4) / 0.9, 2));     // peaks near 25k
        var growth = Or(features[FeatureSetV1.Growth28d], 0);
        var cadence = Or(features[FeatureSetV1.Cadence], 0.3f);
        var engagement = Or(features[FeatureSetV1.PlaysPerFollower], 1.5f);
        var logit = -2.9
            + (1.6 * sweetSpot)
            + (1.2 * Math.Clamp(growth, -0.5, 1.0))
            + (0.8 * features[FeatureSetV1.BusinessEmail])
            + (0.7 * features[FeatureSetV1.DirectMessage])
            + (1.6 * features[FeatureSetV1.GenreUrban] * features[FeatureSetV1.FrenchMarket])
            + (1.5 * (cadence - 0.3))
            + (0.8 * (engagement - 1.5))
            - (2.0 * (features[FeatureSetV1.CareerStage] >= 4 ? 1 : 0))
            + (0.6 * features[FeatureSetV1.Website]);
        return 1 / (1 + Math.Exp(-logit));
    }

    /// <summary>The true expected lifetime value (minor units) of a converting artist: larger audiences buy more.</summary>
    public static double ExpectedValueMinor(FeatureVector features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return 1900 * 14 * (0.6 + (0.25 * Math.Max(0, features[FeatureSetV1.TotalAudience] - 2)) + (0.3 * features[FeatureSetV1.GenrePop]));
    }

    /// <summary>A draw of one outcome: whether it converts, and what it pays if so (log-normal around the expected value).</summary>
    public static (bool Converted, long ValueMinor) Draw(FeatureVector features, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (random.NextDouble() >= ConversionProbability(features))
        {
            return (false, 0);
        }

        var noise = Math.Exp(0.35 * Gaussian(random));
        return (true, (long)Math.Round(ExpectedValueMinor(features) * noise));
    }

    internal static double Gaussian(Random random)
    {
        // Box–Muller.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static double Or(float value, float fallback) => float.IsNaN(value) ? fallback : value;
}

using MonaSpark.Domain.Commerce;

namespace MonaSpark.Domain.Leads;

/// <summary>
/// An explainable score: the probability to convert, the expected value, the model that produced it
/// and the feature contributions behind it, in plain words.
/// </summary>
/// <param name="Probability">Likelihood to convert, 0–1.</param>
/// <param name="ExpectedValue">Expected lifetime value in the scoring currency.</param>
/// <param name="ModelVersion">The model or formula version, e.g. <c>baseline-1</c>.</param>
/// <param name="Explanation">Contributions, largest effect first.</param>
/// <param name="ScoredAt">When it was computed.</param>
public sealed record Score(
    double Probability,
    Money ExpectedValue,
    string ModelVersion,
    IReadOnlyList<ScoreContribution> Explanation,
    DateTimeOffset ScoredAt)
{
    /// <summary>Priority = p(convert) × expected value − expected contact cost, in minor units.</summary>
    public long Priority(Money contactCost)
    {
        ArgumentNullException.ThrowIfNull(contactCost);
        if (contactCost.Currency != ExpectedValue.Currency)
        {
            throw new ArgumentException("Contact cost and expected value must share a currency.", nameof(contactCost));
        }

        return (long)Math.Round(Probability * ExpectedValue.MinorUnits, MidpointRounding.AwayFromZero) - contactCost.MinorUnits;
    }
}

/// <summary>One feature's contribution to a score.</summary>
/// <param name="Feature">Stable feature name, e.g. <c>growth_28d</c>.</param>
/// <param name="Impact">Signed effect on the probability (percentage points / 100).</param>
/// <param name="Description">Plain words, e.g. "+ fast growth on Spotify: +38% in 28 days".</param>
public sealed record ScoreContribution(string Feature, double Impact, string Description);

using System.Globalization;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Commerce;
using MonaSpark.Domain.Features;
using MonaSpark.Domain.Leads;

namespace MonaSpark.Application.Scoring;

/// <summary>
/// The documented baseline (docs/scoring-baseline.md): a transparent additive formula over audience
/// size, growth and reachability, used until enough outcomes exist to train the ML models. Each term
/// is reported as a contribution, so the explanation is the formula itself.
/// </summary>
public sealed class BaselineLeadScorer(IOptions<ScoringOptions> options) : ILeadScorer
{
    public const string Version = "baseline-1";

    internal const double BaseRate = 0.05;
    internal const double AudienceWeight = 0.30;
    internal const double GrowthWeight = 0.35;
    internal const double ReachableBonus = 0.20;
    internal const double UnreachablePenalty = -0.05;

    // Emerging artists convert best: below ~500 followers there is no project to invest in yet,
    // above ~5M there is a label team doing this already.
    internal const double SweetSpotLow = 5_000;
    internal const double SweetSpotHigh = 250_000;
    internal const double FloorAudience = 500;
    internal const double CeilingAudience = 5_000_000;

    public string ModelVersion => Version;

    public Score Score(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var inv = CultureInfo.InvariantCulture;
        var terms = Terms(input.Features);
        var contributions = new List<ScoreContribution> { new("base_rate", BaseRate, "+ base conversion rate of emerging artists") };

        var platforms = LatestPerPlatform(input.History, input.AsOf).Count;
        contributions.Add(terms.Audience == 0
            ? new("audience", 0, "± no audience figures yet")
            : new("audience", terms.AudienceImpact, string.Create(inv,
                $"{(terms.Fit > 0 ? "+" : "±")} audience of {terms.Audience:N0} across {platforms} platform{(platforms == 1 ? "" : "s")}{(terms.Fit >= 1 ? " (in the 5k–250k sweet spot)" : terms.Fit == 0 ? " (outside the 500–5M range)" : "")}")));

        // The rate is the feature's; the history only names the platform it came from.
        if (terms.Growth is { } rate)
        {
            var platform = FeatureSetV1.BestGrowthPlatform(input.History, input.AsOf) ?? "its best platform";
            contributions.Add(new("growth_28d", terms.GrowthImpact, string.Create(inv,
                $"{(rate >= 0 ? "+" : "−")} {(rate >= 0.2 ? "fast growth" : rate >= 0 ? "growth" : "decline")} on {platform}: {rate:+0%;−0%} in 28 days")));
        }
        else
        {
            contributions.Add(new("growth_28d", 0, "± growth unknown (no 28-day history)"));
        }

        contributions.Add(terms.Reachable
            ? new("business_email", ReachableBonus, "+ has a business e-mail")
            : new("business_email", UnreachablePenalty, "− no business e-mail"));

        var settings = options.Value;
        var currency = new CurrencyCode(settings.Currency);
        var value = settings.MonthlyPlanMinor * settings.ExpectedLifetimeMonths * (1 + (0.5 * terms.Fit));
        var ordered = contributions.OrderByDescending(c => Math.Abs(c.Impact)).ThenBy(c => c.Feature, StringComparer.Ordinal).ToList();
        return new Score(terms.Probability, new Money((long)Math.Round(value), currency), Version, ordered, input.AsOf);
    }

    public double Probability(FeatureVector features) => Terms(features).Probability;

    /// <summary>The formula's terms, from the features alone, so held-out outcomes can be scored exactly as live leads are.</summary>
    private static BaselineTerms Terms(FeatureVector features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var audience = (long)Math.Round(Math.Pow(10, features[FeatureSetV1.TotalAudience]) - 1);
        var fit = AudienceFit(audience);
        var best = features[FeatureSetV1.BestGrowth28d];
        double? growth = float.IsNaN(best) ? null : best;
        var reachable = features[FeatureSetV1.BusinessEmail] > 0;
        var audienceImpact = audience == 0 ? 0 : AudienceWeight * fit;
        var growthImpact = growth is { } g ? GrowthWeight * Math.Clamp(g / 0.5, -0.5, 1.0) : 0;
        var sum = BaseRate + audienceImpact + growthImpact + (reachable ? ReachableBonus : UnreachablePenalty);
        return new BaselineTerms(audience, fit, growth, reachable, audienceImpact, growthImpact, Math.Round(Math.Clamp(sum, 0.01, 0.95), 4));
    }

    private sealed record BaselineTerms(long Audience, double Fit, double? Growth, bool Reachable, double AudienceImpact, double GrowthImpact, double Probability);

    /// <summary>1 inside the sweet spot, 0 outside the floor–ceiling range, linear in log10 between.</summary>
    internal static double AudienceFit(long audience)
    {
        if (audience <= FloorAudience || audience >= CeilingAudience)
        {
            return 0;
        }

        var x = Math.Log10(audience);
        if (audience < SweetSpotLow)
        {
            return (x - Math.Log10(FloorAudience)) / (Math.Log10(SweetSpotLow) - Math.Log10(FloorAudience));
        }

        if (audience > SweetSpotHigh)
        {
            return (Math.Log10(CeilingAudience) - x) / (Math.Log10(CeilingAudience) - Math.Log10(SweetSpotHigh));
        }

        return 1;
    }

    private static Dictionary<Domain.Sources.SourceKind, MetricSnapshot> LatestPerPlatform(IReadOnlyList<MetricSnapshot> history, DateTimeOffset asOf) =>
        history.Where(s => s.ObservedAt <= asOf)
            .GroupBy(s => s.Platform)
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.ObservedAt)!);
}

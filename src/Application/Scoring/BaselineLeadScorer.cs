using System.Globalization;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Commerce;
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

    public Score Score(Artist artist, IReadOnlyList<MetricSnapshot> history, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(artist);
        ArgumentNullException.ThrowIfNull(history);
        var settings = options.Value;
        var inv = CultureInfo.InvariantCulture;
        var contributions = new List<ScoreContribution> { new("base_rate", BaseRate, "+ base conversion rate of emerging artists") };

        var latest = LatestPerPlatform(history, asOf);
        var audience = latest.Values.Sum(s => s.Followers);
        var fit = AudienceFit(audience);
        var platforms = latest.Count;
        contributions.Add(audience == 0
            ? new("audience", 0, "± no audience figures yet")
            : new("audience", AudienceWeight * fit, string.Create(inv,
                $"{(fit > 0 ? "+" : "±")} audience of {audience:N0} across {platforms} platform{(platforms == 1 ? "" : "s")}{(fit >= 1 ? " (in the 5k–250k sweet spot)" : fit == 0 ? " (outside the 500–5M range)" : "")}")));

        var growth = BestGrowth(history, latest, asOf, TimeSpan.FromDays(28));
        if (growth is { } g)
        {
            var normalised = Math.Clamp(g.Rate / 0.5, -0.5, 1.0);
            contributions.Add(new("growth_28d", GrowthWeight * normalised, string.Create(inv,
                $"{(g.Rate >= 0 ? "+" : "−")} {(g.Rate >= 0.2 ? "fast growth" : g.Rate >= 0 ? "growth" : "decline")} on {g.Platform}: {g.Rate:+0%;−0%} in 28 days")));
        }
        else
        {
            contributions.Add(new("growth_28d", 0, "± growth unknown (no 28-day history)"));
        }

        contributions.Add(artist.IsReachableOn(ContactChannel.Email)
            ? new("business_email", ReachableBonus, "+ has a business e-mail")
            : new("business_email", UnreachablePenalty, "− no business e-mail"));

        var probability = Math.Clamp(contributions.Sum(c => c.Impact), 0.01, 0.95);
        var currency = new CurrencyCode(settings.Currency);
        var value = settings.MonthlyPlanMinor * settings.ExpectedLifetimeMonths * (1 + (0.5 * fit));
        var ordered = contributions.OrderByDescending(c => Math.Abs(c.Impact)).ThenBy(c => c.Feature, StringComparer.Ordinal).ToList();
        return new Score(Math.Round(probability, 4), new Money((long)Math.Round(value), currency), Version, ordered, asOf);
    }

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

    /// <summary>The platform with the largest relative growth over <paramref name="window"/>, if any has the history.</summary>
    private static (string Platform, double Rate)? BestGrowth(
        IReadOnlyList<MetricSnapshot> history,
        Dictionary<Domain.Sources.SourceKind, MetricSnapshot> latest,
        DateTimeOffset asOf,
        TimeSpan window)
    {
        (string, double)? best = null;
        foreach (var (platform, now) in latest)
        {
            // The baseline is the last observation at least a window before the latest one,
            // accepting up to 25% of the window in tolerance for sparse histories.
            var cutoff = now.ObservedAt - window;
            var then = history
                .Where(s => s.Platform == platform && s.ObservedAt <= cutoff + (window / 4) && s.ObservedAt <= asOf)
                .MaxBy(s => s.ObservedAt);
            if (then is null || then.Followers <= 0 || then.ObservedAt >= now.ObservedAt)
            {
                continue;
            }

            var rate = (now.Followers - then.Followers) / (double)then.Followers;
            if (best is null || rate > best.Value.Item2)
            {
                best = (platform.ToString(), rate);
            }
        }

        return best;
    }
}

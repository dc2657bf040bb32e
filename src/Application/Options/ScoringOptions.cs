using System.ComponentModel.DataAnnotations;

namespace MonaSpark.Application.Options;

/// <summary>Economics of scoring and qualification. Section <c>MonaSpark:Scoring</c>.</summary>
public sealed class ScoringOptions
{
    public const string SectionName = "MonaSpark:Scoring";

    /// <summary>Currency of expected values and priorities (default EUR, the home market).</summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$")]
    public string Currency { get; set; } = "EUR";

    /// <summary>Monthly price of the entry plan in minor units (default 1900 = €19.00).</summary>
    [Range(1, 10_000_000)]
    public long MonthlyPlanMinor { get; set; } = 1900;

    /// <summary>Expected months a customer stays (default 14, from the plan's retention target).</summary>
    [Range(1, 240)]
    public int ExpectedLifetimeMonths { get; set; } = 14;

    /// <summary>Expected cost of contacting one lead in minor units (default 150 = €1.50: copy, sends, follow-ups).</summary>
    [Range(0, 1_000_000)]
    public long ContactCostMinor { get; set; } = 150;

    /// <summary>
    /// A lead with priority at or above this (minor units) is qualified for outreach (default 15000 = €150.00:
    /// about p ≥ 0.38 for an artist in the audience sweet spot).
    /// </summary>
    [Range(0, long.MaxValue)]
    public long QualificationThresholdMinor { get; set; } = 15_000;

    /// <summary>Probability from which a lead is Hot (default 0.5).</summary>
    [Range(0.0, 1.0)]
    public double HotProbability { get; set; } = 0.5;

    /// <summary>Probability from which a lead is Warm (default 0.25).</summary>
    [Range(0.0, 1.0)]
    public double WarmProbability { get; set; } = 0.25;
}

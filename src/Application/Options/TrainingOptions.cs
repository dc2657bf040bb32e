using System.ComponentModel.DataAnnotations;

namespace MonaSpark.Application.Options;

/// <summary>When lead models are trained, how they are judged and how traffic is split. Section <c>MonaSpark:Training</c>.</summary>
public sealed class TrainingOptions
{
    public const string SectionName = "MonaSpark:Training";

    /// <summary>Cold start: outcomes needed before a model is trained at all (default 200); until then the baseline formula scores.</summary>
    [Range(10, 10_000_000)]
    public int MinOutcomes { get; set; } = 200;

    /// <summary>Conversions needed among them (default 20).</summary>
    [Range(2, 10_000_000)]
    public int MinPositives { get; set; } = 20;

    /// <summary>Held-out outcomes needed before a challenger may be promoted (default 50).</summary>
    [Range(10, 10_000_000)]
    public int MinEvaluationOutcomes { get; set; } = 50;

    /// <summary>Share of artists (by a hash of the id) whose outcomes are held out of training to judge models (default 20%).</summary>
    [Range(5, 50)]
    public int HoldoutPercent { get; set; } = 20;

    /// <summary>Share of artists (by another hash of the id) a challenger scores (default 10%).</summary>
    [Range(0, 50)]
    public int ChallengerPercent { get; set; } = 10;

    /// <summary>How long after the first contact a signup still counts as a conversion (default 60 days).</summary>
    public TimeSpan OutcomeHorizon { get; set; } = TimeSpan.FromDays(60);

    /// <summary>How often a running host re-reads the champion and challenger (default 1 minute).</summary>
    public TimeSpan ModelRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// At most this many leads are queued for rescoring right after a training (default 10,000, which a
    /// timer run queues in seconds); the others get the new model's score with their next profile
    /// version (every sync that brings new metrics), since a score is kept per model version.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxRescore { get; set; } = 10_000;

    /// <summary>Seed of the trainers' randomness (default 42): the same outcomes train the same model.</summary>
    public int Seed { get; set; } = 42;
}

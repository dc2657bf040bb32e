using System.ComponentModel.DataAnnotations;
using MonaSpark.Domain.Validation;

namespace MonaSpark.Workflows.Journeys;

/// <summary>How the hosts run journeys. Section <c>MonaSpark:Journeys</c>.</summary>
public sealed class JourneyOptions
{
    public const string SectionName = "MonaSpark:Journeys";

    /// <summary>The campaign new journeys run (default <c>first-contact</c>).</summary>
    [Required]
    public string Campaign { get; set; } = "first-contact";

    /// <summary>
    /// Null (the default): production timings (<see cref="JourneySchedule.Default"/>, days). Set, every wait is
    /// this many units instead (<see cref="JourneySchedule.Fast"/>): the demo runs a journey in seconds.
    /// </summary>
    [TimeSpanRange("00:00:00.010", "1.00:00:00")]
    public TimeSpan? TimeUnit { get; set; }

    /// <summary>Start journeys for qualified leads on their own (default false: the <c>outreach</c> verb or the timer starts them).</summary>
    public bool AutoStart { get; set; }

    /// <summary>Qualified leads taken per round of starts (default 100).</summary>
    [Range(1, 100_000)]
    public int StartBatch { get; set; } = 100;

    public JourneySchedule Schedule() => TimeUnit is { } unit ? JourneySchedule.Fast(unit) : JourneySchedule.Default;
}

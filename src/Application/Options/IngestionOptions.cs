using System.ComponentModel.DataAnnotations;
using MonaSpark.Domain.Validation;

namespace MonaSpark.Application.Options;

/// <summary>How often sources are synced. Section <c>MonaSpark:Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "MonaSpark:Ingestion";

    /// <summary>A source whose last full pass is younger than this is still fresh and is not refetched (default 24 h).</summary>
    [TimeSpanRange("00:00:00", "30.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Pages asked of one connector per scheduled run (default 10); the cursor resumes the rest next run.</summary>
    [Range(1, 10_000)]
    public int MaxPagesPerRun { get; set; } = 10;
}

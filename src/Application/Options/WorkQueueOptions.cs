using System.ComponentModel.DataAnnotations;
using MonaSpark.Domain.Validation;

namespace MonaSpark.Application.Options;

/// <summary>Retry and lease settings for work items. Section <c>MonaSpark:WorkQueue</c>.</summary>
public sealed class WorkQueueOptions
{
    public const string SectionName = "MonaSpark:WorkQueue";

    /// <summary>Attempts before an item is dead-lettered (default 5, as the Functions host's maxDequeueCount).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long a leased item stays hidden (default 30 s; handlers finish well within it).</summary>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First retry delay after a failure, doubled per attempt (default 1 s).</summary>
    [TimeSpanRange("00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the local pump waits when the queue is empty (default 100 ms).</summary>
    [TimeSpanRange("00:00:00.010", "00:01:00")]
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}

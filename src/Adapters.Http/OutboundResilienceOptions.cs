using System.ComponentModel.DataAnnotations;
using MonaSpark.Domain.Validation;

namespace MonaSpark.Adapters.Http;

/// <summary>
/// How an adapter's outbound calls are made resilient: timeouts, retries, circuit breaker and a
/// rolling-window rate limiter. Each adapter's options derive from this and set the limits its
/// service documents.
/// </summary>
public abstract class OutboundResilienceOptions
{
    /// <summary>Whole call including retries and waits (default 30 s); past it the page fails and the cursor stays.</summary>
    [TimeSpanRange("00:00:00.050", "00:10:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One attempt, body included (default 10 s).</summary>
    [TimeSpanRange("00:00:00.010", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt (default 3), exponential with jitter from <see cref="RetryBaseDelay"/>.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First backoff delay (default 1 s); a Retry-After header replaces it.</summary>
    [TimeSpanRange("00:00:00.001", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest Retry-After honoured by waiting (default 30 s). A longer one is not retried: the call fails
    /// and the next scheduled run resumes from the cursor, instead of holding a worker for minutes.
    /// </summary>
    [TimeSpanRange("00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open after it breaks (default 30 s).</summary>
    [TimeSpanRange("00:00:00.500", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failed calls in the sampling window that breaks the circuit (default 0.5).</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the window before the circuit may break (default 10).</summary>
    [Range(2, 10_000)]
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>Window over which failures are counted (default 30 s).</summary>
    [TimeSpanRange("00:00:00.500", "01:00:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Calls allowed per <see cref="RateLimitWindow"/> (rolling window); set per source from its documented limit.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPermits { get; set; } = 60;

    /// <summary>The rolling window of <see cref="RateLimitPermits"/>.</summary>
    [TimeSpanRange("00:00:00.100", "1.00:00:00")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Calls that may wait for a permit (default 0: none). When the window is spent the connector
    /// stops its page and keeps the cursor; the next run resumes.
    /// </summary>
    [Range(0, 10_000)]
    public int RateLimitQueue { get; set; }
}

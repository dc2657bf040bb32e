namespace MonaSpark.Domain.Outreach.Policies;

/// <summary>
/// One cap per person shared by every channel: at most <see cref="MaxMessages"/> in any
/// <see cref="Window"/> (for example 2 in 7 days).
/// </summary>
public sealed record FrequencyCap
{
    public FrequencyCap(int maxMessages, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        MaxMessages = maxMessages;
        Window = window;
    }

    public int MaxMessages { get; }

    public TimeSpan Window { get; }

    /// <summary>The first instant at or after <paramref name="now"/> when one more message stays within the cap.</summary>
    public DateTimeOffset NextAllowed(IReadOnlyList<DateTimeOffset> sent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var recent = sent.Where(s => s > now - Window && s <= now).OrderDescending().ToList();
        if (recent.Count < MaxMessages)
        {
            return now;
        }

        // The window must slide past the oldest of the last MaxMessages sends.
        return recent[MaxMessages - 1] + Window;
    }
}

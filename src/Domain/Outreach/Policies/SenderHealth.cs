namespace MonaSpark.Domain.Outreach.Policies;

/// <summary>
/// Whether a sender (an address or number messages go out from) may send now, and how many today.
/// A new sender warms up: its daily cap starts low and doubles each day after its first send, up to the
/// configured ceiling, because mailbox providers distrust sudden volume. Over the rolling window, a
/// complaint rate reaching 0.3% or a bounce rate over its threshold pauses the sender (after a
/// minimum volume, so one early complaint does not); a paused sender stays paused until a person
/// resumes it.
/// </summary>
public sealed class SenderHealth(SenderHealthSettings settings)
{
    /// <summary>Today's cap for a sender first used on <paramref name="firstSendDay"/> (sender's calendar day, UTC).</summary>
    public int DailyCap(DateOnly firstSendDay, DateOnly today)
    {
        var days = Math.Max(0, today.DayNumber - firstSendDay.DayNumber);
        var cap = (double)settings.WarmUpStart * Math.Pow(2, Math.Min(days, 30));
        return (int)Math.Min(cap, settings.DailyCeiling);
    }

    /// <summary>Judges a sender's recent record: fine, or paused with the reason.</summary>
    public SenderStatus Judge(SenderStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        if (stats.Sent < settings.MinimumVolume)
        {
            return SenderStatus.Healthy;
        }

        var complaintRate = stats.Complaints / (double)stats.Sent;
        if (complaintRate >= settings.ComplaintRateLimit)
        {
            return SenderStatus.Pause(SenderPauseReason.Complaints, complaintRate);
        }

        var bounceRate = stats.Bounces / (double)stats.Sent;
        return bounceRate > settings.BounceRateLimit ? SenderStatus.Pause(SenderPauseReason.Bounces, bounceRate) : SenderStatus.Healthy;
    }

    /// <summary>May one more message go out now: not paused and under today's cap.</summary>
    public bool MaySend(SenderStats stats, DateOnly firstSendDay, DateOnly today, int sentToday) =>
        !Judge(stats).Paused && sentToday < DailyCap(firstSendDay, today);
}

/// <param name="WarmUpStart">Messages on a sender's first day (default 50).</param>
/// <param name="DailyCeiling">The daily cap once warm (default 10,000).</param>
/// <param name="ComplaintRateLimit">Complaints per message that pause (default 0.003: the large mailbox providers' 0.3%).</param>
/// <param name="BounceRateLimit">Bounces per message above which the sender pauses (default 0.05).</param>
/// <param name="MinimumVolume">Messages in the window before rates are judged (default 200).</param>
public sealed record SenderHealthSettings(
    int WarmUpStart = 50,
    int DailyCeiling = 10_000,
    double ComplaintRateLimit = 0.003,
    double BounceRateLimit = 0.05,
    int MinimumVolume = 200);

/// <summary>A sender's record over the rolling window (e.g. 30 days).</summary>
public sealed record SenderStats(long Sent, long Bounces, long Complaints);

public enum SenderPauseReason
{
    None = 0,
    Complaints = 1,
    Bounces = 2,
}

/// <summary>Healthy, or paused with the reason and the rate that crossed the line.</summary>
public sealed record SenderStatus(bool Paused, SenderPauseReason Reason, double Rate)
{
    public static readonly SenderStatus Healthy = new(false, SenderPauseReason.None, 0);

    public static SenderStatus Pause(SenderPauseReason reason, double rate) => new(true, reason, rate);
}

using MonaSpark.Domain.Outreach.Policies;

namespace MonaSpark.Application.Ports;

/// <summary>
/// Per-sender bookkeeping for <see cref="SenderHealth"/>: the daily quota (reserved before a send,
/// released when the send does not happen), the delivery record over a rolling window, and the
/// pause switch. Reservations are keyed by the send's idempotency key: reserving the same key twice
/// holds one unit, releasing it twice frees one.
/// </summary>
public interface ISenderLedger
{
    /// <summary>
    /// Holds one unit of <paramref name="day"/>'s quota of <paramref name="sender"/> for <paramref name="key"/>
    /// when fewer than <paramref name="dailyCap"/> are held that day (or the key already holds one). Atomic:
    /// two callers racing for the last unit cannot both win. The first successful reservation fixes the
    /// sender's first send day.
    /// </summary>
    Task<QuotaReservation> TryReserveAsync(string sender, string key, DateOnly day, int dailyCap, CancellationToken cancellationToken = default);

    /// <summary>Gives back the unit held for <paramref name="key"/> (the send was refused, failed or cancelled); unknown keys change nothing.</summary>
    Task ReleaseAsync(string sender, string key, CancellationToken cancellationToken = default);

    /// <summary>Records a delivery outcome (sent, bounced, complained) once per <paramref name="messageId"/> and kind.</summary>
    Task RecordAsync(string sender, string messageId, SenderOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The sender's record: first send day, units held on <paramref name="today"/>, outcomes since <paramref name="since"/>, and pause state.</summary>
    Task<SenderRecord> GetAsync(string sender, DateOnly today, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Pauses the sender with the reason (idempotent: the first pause's time and reason are kept).</summary>
    Task PauseAsync(string sender, SenderPauseReason reason, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Resumes a paused sender (a person's decision).</summary>
    Task ResumeAsync(string sender, DateTimeOffset at, CancellationToken cancellationToken = default);
}

/// <summary>Whether the unit was granted, and how many the day now holds.</summary>
public sealed record QuotaReservation(bool Granted, int HeldToday);

public enum SenderOutcome
{
    Sent = 0,
    Bounced = 1,
    Complained = 2,
}

/// <param name="FirstSendDay">The day of the first reservation (null: never used; warm-up starts on first use).</param>
/// <param name="HeldToday">Quota units held on the day asked for.</param>
/// <param name="Stats">Outcomes in the window.</param>
/// <param name="PausedAt">When the sender was paused (null: not paused).</param>
public sealed record SenderRecord(DateOnly? FirstSendDay, int HeldToday, SenderStats Stats, DateTimeOffset? PausedAt, SenderPauseReason PauseReason)
{
    public bool Paused => PausedAt is not null;
}

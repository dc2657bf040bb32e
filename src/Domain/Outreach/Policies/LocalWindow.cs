namespace MonaSpark.Domain.Outreach.Policies;

/// <summary>
/// When a channel may reach a person, in the person's own local time: from <see cref="Start"/> to
/// <see cref="End"/> on <see cref="Days"/>. A window never spans midnight (quiet hours are the night).
/// </summary>
public sealed record LocalWindow
{
    public LocalWindow(TimeOnly start, TimeOnly end, IReadOnlySet<DayOfWeek> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (end <= start)
        {
            throw new ArgumentException("A send window ends after it starts, on the same day.", nameof(end));
        }

        if (days.Count == 0)
        {
            throw new ArgumentException("A send window is open on at least one day.", nameof(days));
        }

        Start = start;
        End = end;
        Days = days;
    }

    public TimeOnly Start { get; }

    /// <summary>Exclusive: a message at exactly this local time waits for the next window.</summary>
    public TimeOnly End { get; }

    public IReadOnlySet<DayOfWeek> Days { get; }

    public static readonly IReadOnlySet<DayOfWeek> EveryDay = new HashSet<DayOfWeek>(Enum.GetValues<DayOfWeek>());

    public static readonly IReadOnlySet<DayOfWeek> MondayToSaturday = new HashSet<DayOfWeek>(Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Sunday));

    /// <summary>True when the local time <paramref name="local"/> is inside the window.</summary>
    public bool Contains(DateTime local) =>
        Days.Contains(local.DayOfWeek) && TimeOnly.FromDateTime(local) >= Start && TimeOnly.FromDateTime(local) < End;

    /// <summary>
    /// The first instant at or after <paramref name="nowUtc"/> when the window is open in
    /// <paramref name="zone"/>. Daylight-saving changes are handled on the local clock: a start that
    /// falls in a spring-forward gap opens at the end of the gap; a start in a fall-back overlap opens
    /// at its first occurrence.
    /// </summary>
    public DateTimeOffset NextOpen(DateTimeOffset nowUtc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var now = nowUtc.ToUniversalTime();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (Contains(local.DateTime))
        {
            return now;
        }

        // Today's start if still ahead, else the next open day's: at most a week away.
        for (var day = 0; day <= 7; day++)
        {
            var date = DateOnly.FromDateTime(local.DateTime).AddDays(day);
            if (!Days.Contains(date.DayOfWeek))
            {
                continue;
            }

            var opens = ToUtc(date.ToDateTime(Start), zone);
            var closes = ToUtc(date.ToDateTime(End), zone);
            if (closes > now && opens < closes)
            {
                return opens > now ? opens : now;
            }
        }

        throw new InvalidOperationException("A window open on at least one day opens within a week.");
    }

    /// <summary>A local wall-clock time as an instant: a time skipped by a spring-forward moves to the end of the gap; a repeated one takes its first occurrence.</summary>
    internal static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(1);
        }

        if (zone.IsAmbiguousTime(unspecified))
        {
            // The larger offset is the earlier instant (daylight time, before the clocks go back).
            var offset = zone.GetAmbiguousTimeOffsets(unspecified).Max();
            return new DateTimeOffset(unspecified, offset).ToUniversalTime();
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}

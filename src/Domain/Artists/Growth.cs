namespace MonaSpark.Domain.Artists;

/// <summary>
/// Relative follower growth over a window (7, 28, 90 days) from appended snapshots.
/// </summary>
/// <remarks>
/// Baseline rule, the same as the baseline scorer's 28-day term (docs/scoring-baseline.md): per
/// platform, the latest observation at or before <c>asOf</c> is compared with the last observation
/// made at least one window before it, accepting up to a quarter of the window in tolerance for
/// sparse histories (a 28-day window accepts a baseline 21 days old). A platform with no such
/// observation, or whose baseline has no followers, has no growth for that window: sparse data never
/// reads as zero growth.
/// </remarks>
public static class Growth
{
    /// <summary>The windows the API reports.</summary>
    public static readonly IReadOnlyList<TimeSpan> StandardWindows = [TimeSpan.FromDays(7), TimeSpan.FromDays(28), TimeSpan.FromDays(90)];

    public static GrowthOverWindow Over(IReadOnlyList<MetricSnapshot> snapshots, TimeSpan window, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var platforms = new List<PlatformGrowth>();
        foreach (var history in snapshots.Where(s => s.ObservedAt <= asOf).GroupBy(s => s.Platform).OrderBy(g => g.Key))
        {
            var latest = history.MaxBy(s => s.ObservedAt)!;
            var cutoff = latest.ObservedAt - window + (window / 4);
            var baseline = history.Where(s => s.ObservedAt <= cutoff && s.ObservedAt < latest.ObservedAt).MaxBy(s => s.ObservedAt);
            if (baseline is null || baseline.Followers <= 0)
            {
                continue;
            }

            var rate = (latest.Followers - baseline.Followers) / (double)baseline.Followers;
            platforms.Add(new PlatformGrowth(latest.Platform, baseline.Followers, baseline.ObservedAt, latest.Followers, latest.ObservedAt, rate));
        }

        var before = platforms.Sum(p => p.BaselineFollowers);
        double? total = platforms.Count == 0 ? null : (platforms.Sum(p => p.LatestFollowers) - before) / (double)before;
        return new GrowthOverWindow(window, platforms, total);
    }
}

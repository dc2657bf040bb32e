using MonaSpark.Domain.Artists;

namespace MonaSpark.Api;

/// <summary>Growth over one window; <see cref="Total"/> is null when no platform has the history.</summary>
public sealed record GrowthView(int Days, double? Total, IReadOnlyList<PlatformGrowthView> Platforms)
{
    public static GrowthView Of(GrowthOverWindow growth)
    {
        ArgumentNullException.ThrowIfNull(growth);
        return new GrowthView(
            (int)growth.Window.TotalDays,
            growth.Total is { } t ? Math.Round(t, 4) : null,
            growth.Platforms.Select(p => new PlatformGrowthView(p.Platform.ToString(), Math.Round(p.Rate, 4), p.BaselineFollowers, p.BaselineAt, p.LatestFollowers, p.LatestAt)).ToList());
    }
}

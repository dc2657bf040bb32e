namespace MonaSpark.Domain.Artists;

/// <summary>Growth over one window: per platform that has the history, and in total over those platforms.</summary>
/// <param name="Total">
/// (Σ latest − Σ baseline) / Σ baseline over the platforms listed; null when none has a baseline.
/// Platforms without history are left out of both sums rather than counted as zero growth.
/// </param>
public sealed record GrowthOverWindow(TimeSpan Window, IReadOnlyList<PlatformGrowth> Platforms, double? Total);

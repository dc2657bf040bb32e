namespace MonaSpark.Api;

/// <summary>Growth on one platform: baseline and latest observation, and the relative change.</summary>
public sealed record PlatformGrowthView(string Platform, double Rate, long BaselineFollowers, DateTimeOffset BaselineAt, long LatestFollowers, DateTimeOffset LatestAt);

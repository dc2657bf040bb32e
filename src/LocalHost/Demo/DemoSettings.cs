namespace MonaSpark.LocalHost.Demo;

/// <summary>What the demo was asked to do.</summary>
/// <param name="Duration">Run this long then stop and report; null runs until Ctrl+C.</param>
internal sealed record DemoSettings(string DataDirectory, TimeSpan? Duration, int Records, int Seed);

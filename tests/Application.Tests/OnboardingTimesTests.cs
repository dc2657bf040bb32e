using MonaSpark.Application.Ports;
using MonaSpark.Application.Projections;
using MonaSpark.Domain.Events;
using MonaSpark.TestKit;

namespace MonaSpark.Application.Tests;

/// <summary>The completion-time KPI: durations bucketed by the funnel projection, read as a median and a share within 2m30.</summary>
public sealed class OnboardingTimesTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Fact]
    public void Empty_NoMedianNoShare()
    {
        OnboardingTimes.Empty.Completed.ShouldBe(0);
        OnboardingTimes.Empty.MedianAtMost.ShouldBeNull();
        OnboardingTimes.Empty.WithinTarget.ShouldBeNull();
    }

    [Fact]
    public void Add_TheMedianBucketAndTheShareWithinTheTarget()
    {
        var times = new[] { 45, 95, 110, 140, 149, 151, 200, 700 }.Aggregate(OnboardingTimes.Empty, (t, s) => t.Add(TimeSpan.FromSeconds(s)));

        times.Completed.ShouldBe(8);
        times.MedianAtMost.ShouldBe(150); // the 4th of 8 is 140 s, in the (120, 150] bucket
        times.WithinTarget.ShouldBe(5 / 8.0);
        times.TotalSeconds.ShouldBe(1_590);
        times.Counts[^1].ShouldBe(1); // past the last bound
    }

    [Fact]
    public void Funnel_SignupsCarryTheirTimes_RealAndSimulatedApart()
    {
        var projection = new FunnelProjection();
        string? json = null;
        long position = 0;
        foreach (var seconds in new[] { 80, 130, 400 })
        {
            json = projection.Apply(FunnelProjection.Real, json, new JournalEntry(++position, new SignupCompleted("art-1", Samples.Epoch, "spark-monthly", TimeSpan.FromSeconds(seconds))));
        }

        var counts = System.Text.Json.JsonSerializer.Deserialize<FunnelCounts>(json!, Web)!;
        counts.Signups.ShouldBe(3);
        counts.Onboarding!.Completed.ShouldBe(3);
        counts.Onboarding.MedianAtMost.ShouldBe(150);
        counts.Onboarding.WithinTarget.ShouldBe(2 / 3.0);
    }
}

using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;
using MonaSpark.TestKit;

namespace MonaSpark.Domain.Tests;

public class GrowthTests
{
    private static readonly DateTimeOffset Now = Samples.Epoch;
    private static readonly ArtistId Id = Samples.Artist().Id;

    private static MetricSnapshot At(int daysAgo, long followers, SourceKind platform = SourceKind.Spotify) =>
        new(Id, platform, Now.AddDays(-daysAgo), followers);

    [Fact]
    public void Over_BaselineAWindowBeforeTheLatest_GivesTheRelativeChange()
    {
        var sut = Growth.Over([At(30, 1000), At(1, 1250)], TimeSpan.FromDays(28), Now);

        var spotify = sut.Platforms.ShouldHaveSingleItem();
        spotify.Rate.ShouldBe(0.25);
        spotify.BaselineFollowers.ShouldBe(1000);
        spotify.LatestAt.ShouldBe(Now.AddDays(-1));
        sut.Total.ShouldBe(0.25);
    }

    [Fact]
    public void Over_PicksTheLastObservationOldEnough()
    {
        // For 28 days from day −1: baselines up to day −22 (a quarter of the window in tolerance) qualify; day −22 is the newest.
        var sut = Growth.Over([At(60, 500), At(22, 800), At(10, 900), At(1, 1000)], TimeSpan.FromDays(28), Now);

        sut.Platforms.ShouldHaveSingleItem().BaselineFollowers.ShouldBe(800);
    }

    [Fact]
    public void Over_HistoryShorterThanTheWindow_HasNoGrowth()
    {
        var sut = Growth.Over([At(20, 800), At(1, 1000)], TimeSpan.FromDays(28), Now);

        sut.Platforms.ShouldBeEmpty();
        sut.Total.ShouldBeNull();
    }

    [Fact]
    public void Over_StandardWindows_UseTheirOwnBaselines()
    {
        List<MetricSnapshot> history = [At(95, 400), At(30, 800), At(8, 900), At(0, 1000)];

        Growth.StandardWindows.Select(w => Growth.Over(history, w, Now).Total).ShouldBe([100 / 900.0, 0.25, 1.5]);
    }

    [Fact]
    public void Over_Total_SumsThePlatformsWithHistoryOnly()
    {
        var sut = Growth.Over(
            [At(30, 1000), At(0, 1500), At(30, 3000, SourceKind.YouTube), At(0, 2500, SourceKind.YouTube), At(0, 99_999, SourceKind.Instagram)],
            TimeSpan.FromDays(28),
            Now);

        sut.Platforms.Select(p => p.Platform).ShouldBe([SourceKind.Spotify, SourceKind.YouTube]);
        sut.Platforms[1].Rate.ShouldBe(-500 / 3000.0);
        sut.Total.ShouldBe(0.0);
    }

    [Fact]
    public void Over_IgnoresObservationsAfterAsOf()
    {
        var sut = Growth.Over([At(30, 1000), At(1, 1100), At(-5, 5000)], TimeSpan.FromDays(28), Now);

        sut.Platforms.ShouldHaveSingleItem().LatestFollowers.ShouldBe(1100);
    }

    [Fact]
    public void Over_BaselineWithoutFollowers_HasNoGrowth() =>
        Growth.Over([At(30, 0), At(1, 100)], TimeSpan.FromDays(28), Now).Total.ShouldBeNull();

    [Fact]
    public void Over_NoSnapshots_IsEmpty() =>
        Growth.Over([], TimeSpan.FromDays(7), Now).Platforms.ShouldBeEmpty();

    [Fact]
    public void Over_NonPositiveWindow_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Growth.Over([], TimeSpan.Zero, Now));
}

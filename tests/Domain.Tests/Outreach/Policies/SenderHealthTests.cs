using MonaSpark.Domain.Outreach.Policies;

namespace MonaSpark.Domain.Tests.Outreach.Policies;

public class SenderHealthTests
{
    private readonly SenderHealth _sut = new(new SenderHealthSettings());
    private static readonly DateOnly Start = new(2026, 11, 2);

    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 100)]
    [InlineData(3, 400)]
    [InlineData(7, 6_400)]
    [InlineData(8, 10_000)]
    [InlineData(400, 10_000)]
    public void DailyCap_WarmsUpByDoublingToTheCeiling(int days, int cap) =>
        _sut.DailyCap(Start, Start.AddDays(days)).ShouldBe(cap);

    [Fact]
    public void DailyCap_BeforeTheFirstDay_IsTheFirstDaysCap() => _sut.DailyCap(Start, Start.AddDays(-3)).ShouldBe(50);

    [Fact]
    public void Judge_ComplaintRateReachingPointThreePercent_Pauses()
    {
        _sut.Judge(new SenderStats(1_000, 0, 2)).Paused.ShouldBeFalse();               // 0.2%
        var paused = _sut.Judge(new SenderStats(1_000, 0, 3));                          // 0.3%
        paused.Paused.ShouldBeTrue();
        paused.Reason.ShouldBe(SenderPauseReason.Complaints);
        paused.Rate.ShouldBe(0.003, 1e-9);
    }

    [Fact]
    public void Judge_BounceRateOverItsLimit_Pauses()
    {
        _sut.Judge(new SenderStats(1_000, 50, 0)).Paused.ShouldBeFalse();               // 5%: at the limit
        _sut.Judge(new SenderStats(1_000, 51, 0)).Reason.ShouldBe(SenderPauseReason.Bounces);
    }

    [Fact]
    public void Judge_BelowTheMinimumVolume_NeverPauses() =>
        _sut.Judge(new SenderStats(199, 100, 10)).Paused.ShouldBeFalse();

    [Fact]
    public void MaySend_PausedOrAtTodaysCap_No()
    {
        var healthy = new SenderStats(1_000, 0, 0);
        _sut.MaySend(healthy, Start, Start, sentToday: 49).ShouldBeTrue();
        _sut.MaySend(healthy, Start, Start, sentToday: 50).ShouldBeFalse();
        _sut.MaySend(new SenderStats(1_000, 0, 5), Start, Start.AddDays(30), sentToday: 0).ShouldBeFalse();
    }
}

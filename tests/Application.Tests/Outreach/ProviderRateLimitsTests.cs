using Microsoft.Extensions.Time.Testing;
using MonaSpark.Adapters.Local;
using MonaSpark.Application.Outreach;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.TestKit;

namespace MonaSpark.Application.Tests.Outreach;

/// <summary>The send path's door to each provider, driven by a fake clock: nothing waits on real time.</summary>
public sealed class ProviderRateLimitsTests
{
    private static readonly TimeSpan Completion = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(Samples.Epoch);
    private readonly OutreachOptions _options = new();
    private readonly ProviderRateLimits _sut;

    public ProviderRateLimitsTests() => _sut = new ProviderRateLimits(new InProcessProviderRateLimiter(), Microsoft.Extensions.Options.Options.Create(_options), _time);

    [Fact]
    public async Task WaitForSlot_TheBurstPassesAtOnce_TheNextWaitsItsIntervalOnTheClock()
    {
        _options.RateLimits[ContactChannel.Email] = new RateLimitSettings { PerSecond = 50, Burst = 10 };
        for (var i = 0; i < 10; i++)
        {
            _sut.WaitForSlotAsync(ContactChannel.Email).IsCompletedSuccessfully.ShouldBeTrue($"slot {i}");
        }

        var next = _sut.WaitForSlotAsync(ContactChannel.Email);
        next.IsCompleted.ShouldBeFalse();
        _sut.Waiting.ShouldBe(1);

        _time.Advance(TimeSpan.FromMilliseconds(19));
        next.IsCompleted.ShouldBeFalse();
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(Completion);
        _sut.Waiting.ShouldBe(0);
    }

    [Fact]
    public void WaitForSlot_UnlimitedChannel_NeverWaits()
    {
        _options.RateLimits[ContactChannel.Email] = new RateLimitSettings { PerSecond = 1, Burst = 1 };

        for (var i = 0; i < 1_000; i++)
        {
            _sut.WaitForSlotAsync(ContactChannel.DirectMessage).IsCompletedSuccessfully.ShouldBeTrue();
        }

        _sut.LimitOf(ContactChannel.DirectMessage).ShouldBeNull();
        _sut.Waiting.ShouldBe(0);
    }

    [Fact]
    public async Task WaitForSlot_FurtherThanTheLongestWait_FailsTransientlyAndSaysWhenToComeBack()
    {
        _options.RateLimits[ContactChannel.Sms] = new RateLimitSettings { PerSecond = 1, Burst = 1 };
        _options.MaxRateWait = TimeSpan.FromSeconds(2);
        await _sut.WaitForSlotAsync(ContactChannel.Sms);
        var second = _sut.WaitForSlotAsync(ContactChannel.Sms);
        var third = _sut.WaitForSlotAsync(ContactChannel.Sms);

        var refused = await Should.ThrowAsync<ProviderRateLimitedException>(() => _sut.WaitForSlotAsync(ContactChannel.Sms));

        refused.RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(2));
        await Task.WhenAll(second, third).WaitAsync(Completion);
    }

    [Fact]
    public async Task WaitForSlot_Cancelled_StopsWaiting()
    {
        _options.RateLimits[ContactChannel.Email] = new RateLimitSettings { PerSecond = 10, Burst = 1 };
        await _sut.WaitForSlotAsync(ContactChannel.Email);
        using var cancel = new CancellationTokenSource();
        var waiting = _sut.WaitForSlotAsync(ContactChannel.Email, cancel.Token);
        _sut.Waiting.ShouldBe(1);

        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => waiting.WaitAsync(Completion));
        _sut.Waiting.ShouldBe(0);
    }

    [Theory]
    [InlineData(100, 0, 10)]
    [InlineData(35, 0, 4)]
    [InlineData(0.5, 0, 1)]
    [InlineData(20, 7, 7)]
    public void LimitOf_TheBurstDefaultsToATenthOfASecondsRate(double perSecond, int burst, int expected)
    {
        _options.RateLimits[ContactChannel.Sms] = new RateLimitSettings { PerSecond = perSecond, Burst = burst };

        _sut.LimitOf(ContactChannel.Sms).ShouldBe(new ProviderRateLimit(perSecond, expected));
    }

    [Theory]
    [InlineData(20, 5, 10)]
    [InlineData(35, 1, 10)]
    [InlineData(1, 1, 30)]
    [InlineData(2.5, 3, 20)]
    [InlineData(0.2, 1, 60)]
    public async Task WaitForSlot_OverManySeconds_NeverMoreThanBurstPlusRateTimesElapsed(double perSecond, int burst, int seconds)
    {
        _options.RateLimits[ContactChannel.Sms] = new RateLimitSettings { PerSecond = perSecond, Burst = burst };
        _options.MaxRateWait = TimeSpan.FromMinutes(10);
        var demand = burst + (int)Math.Ceiling(perSecond * seconds) + 50;
        var sends = Enumerable.Range(0, demand).Select(_ => _sut.WaitForSlotAsync(ContactChannel.Sms)).ToList();

        var step = TimeSpan.FromMilliseconds(100);
        for (var elapsed = step; elapsed <= TimeSpan.FromSeconds(seconds); elapsed += step)
        {
            _time.Advance(step);
            var passed = sends.Count(s => s.IsCompleted);
            passed.ShouldBeLessThanOrEqualTo((int)Math.Floor(burst + (perSecond * elapsed.TotalSeconds) + 1e-9), $"after {elapsed.TotalSeconds:0.0} s");
        }

        // And the rate is used, not wasted: within one slot of it (waiters resume on the thread pool, so give them a moment).
        var expected = (int)Math.Floor(burst + (perSecond * seconds) + 1e-9) - 1;
        for (var i = 0; i < 200 && sends.Count(s => s.IsCompleted) < expected; i++)
        {
            await Task.Delay(10);
        }

        sends.Count(s => s.IsCompleted).ShouldBeGreaterThanOrEqualTo(expected);
        _time.Advance(TimeSpan.FromMinutes(10));
        await Task.WhenAll(sends).WaitAsync(Completion);
    }
}

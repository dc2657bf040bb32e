using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Outreach;
using MonaSpark.Domain.Artists;
using MonaSpark.TestKit;

namespace MonaSpark.Application.Tests.Outreach;

/// <summary>Token buckets driven by a fake clock: every grant is counted exactly, nothing waits on real time.</summary>
public sealed class ProviderRateLimitsTests : IDisposable
{
    private static readonly TimeSpan Completion = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(Samples.Epoch);
    private readonly OutreachOptions _options = new();
    private readonly List<RateLimitLease> _leases = [];
    private readonly ProviderRateLimits _sut;

    public ProviderRateLimitsTests() => _sut = new ProviderRateLimits(Microsoft.Extensions.Options.Options.Create(_options), _time);

    public void Dispose()
    {
        _leases.ForEach(l => l.Dispose());
        _sut.Dispose();
    }

    [Fact]
    public async Task AcquireAsync_Burst_GrantedAtOnceThenTheNextWaitsForTheNextPeriod()
    {
        _options.RateLimits[ContactChannel.Email] = new RateLimitSettings { PerSecond = 50, Burst = 10 };

        for (var i = 0; i < 10; i++)
        {
            var granted = _sut.AcquireAsync(ContactChannel.Email);
            granted.IsCompletedSuccessfully.ShouldBeTrue($"grant {i}");
            _leases.Add(await granted);
        }

        _sut.Available(ContactChannel.Email).ShouldBe(0);
        var next = _sut.AcquireAsync(ContactChannel.Email).AsTask();
        next.IsCompleted.ShouldBeFalse();
        _sut.Waiting.ShouldBe(1);

        _time.Advance(TimeSpan.FromMilliseconds(99));
        next.IsCompleted.ShouldBeFalse();
        _sut.Waiting.ShouldBe(1);

        // 50 per second is 5 per 100 ms: one goes to the waiting send, four stay in the bucket.
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var lease = await next.WaitAsync(Completion);
        _leases.Add(lease);
        lease.IsAcquired.ShouldBeTrue();
        _sut.Waiting.ShouldBe(0);
        _sut.Available(ContactChannel.Email).ShouldBe(4);
    }

    [Fact]
    public void AcquireAsync_OnePeriod_GrantsATenthOfTheRateToTheWaiting()
    {
        _options.RateLimits[ContactChannel.Sms] = new RateLimitSettings { PerSecond = 30, Burst = 6 };
        var waiting = Enumerable.Range(0, 26).Select(_ => _sut.AcquireAsync(ContactChannel.Sms).AsTask()).ToList();

        _sut.Waiting.ShouldBe(20);

        _time.Advance(ProviderRateLimits.ReplenishmentPeriod);
        _sut.Waiting.ShouldBe(17);

        _time.Advance(ProviderRateLimits.ReplenishmentPeriod * 2);
        _sut.Waiting.ShouldBe(11);
        _sut.Available(ContactChannel.Sms).ShouldBe(0);
        DisposeWhenGranted(waiting);
    }

    [Fact]
    public void AcquireAsync_QuietSpell_TokensStopAtTheBurst()
    {
        _options.RateLimits[ContactChannel.Email] = new RateLimitSettings { PerSecond = 100, Burst = 25 };
        _sut.Available(ContactChannel.Email).ShouldBe(25);

        _time.Advance(TimeSpan.FromMinutes(5));

        _sut.Available(ContactChannel.Email).ShouldBe(25);
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(50, 5)]
    [InlineData(0.5, 1)]
    public void Available_BurstNotSet_ATenthOfASecondsWorthAtLeastOne(double perSecond, long burst)
    {
        _options.RateLimits[ContactChannel.Email] = new RateLimitSettings { PerSecond = perSecond };

        _sut.Available(ContactChannel.Email).ShouldBe(burst);
    }

    [Fact]
    public async Task AcquireAsync_UnlimitedChannel_NeverWaits()
    {
        _options.RateLimits[ContactChannel.Email] = new RateLimitSettings { PerSecond = 1, Burst = 1 };

        for (var i = 0; i < 1_000; i++)
        {
            var granted = _sut.AcquireAsync(ContactChannel.DirectMessage);
            granted.IsCompletedSuccessfully.ShouldBeTrue();
            using var lease = await granted;
            lease.IsAcquired.ShouldBeTrue();
        }

        _sut.Waiting.ShouldBe(0);
        _sut.Available(ContactChannel.DirectMessage).ShouldBeNull();
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_LeavesTheQueue()
    {
        _options.RateLimits[ContactChannel.Email] = new RateLimitSettings { PerSecond = 10, Burst = 1 };
        _leases.Add(await _sut.AcquireAsync(ContactChannel.Email));
        using var cancel = new CancellationTokenSource();
        var waiting = _sut.AcquireAsync(ContactChannel.Email, cancel.Token).AsTask();
        _sut.Waiting.ShouldBe(1);

        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => waiting.WaitAsync(Completion));
        _sut.Waiting.ShouldBe(0);
    }

    [Fact]
    public async Task Dispose_SendsStillWaiting_FailInsteadOfHanging()
    {
        _options.RateLimits[ContactChannel.Email] = new RateLimitSettings { PerSecond = 10, Burst = 1 };
        _leases.Add(await _sut.AcquireAsync(ContactChannel.Email));
        var waiting = _sut.AcquireAsync(ContactChannel.Email).AsTask();

        _sut.Dispose();

        await Should.ThrowAsync<ObjectDisposedException>(() => waiting.WaitAsync(Completion));
    }

    [Fact]
    public void Waiting_CountsEveryChannelsQueue()
    {
        _options.RateLimits[ContactChannel.Email] = new RateLimitSettings { PerSecond = 10, Burst = 1 };
        _options.RateLimits[ContactChannel.Sms] = new RateLimitSettings { PerSecond = 10, Burst = 2 };
        var email = Enumerable.Range(0, 4).Select(_ => _sut.AcquireAsync(ContactChannel.Email).AsTask()).ToList();
        var sms = Enumerable.Range(0, 5).Select(_ => _sut.AcquireAsync(ContactChannel.Sms).AsTask()).ToList();

        _sut.Waiting.ShouldBe(3 + 3);

        _time.Advance(ProviderRateLimits.ReplenishmentPeriod);

        _sut.Waiting.ShouldBe(2 + 2);
        DisposeWhenGranted([.. email, .. sms]);
    }

    [Theory]
    [InlineData(20, 5, 10)]
    [InlineData(35, 0, 10)]
    [InlineData(1, 1, 30)]
    [InlineData(2.5, 3, 20)]
    [InlineData(0.2, 1, 60)]
    public async Task AcquireAsync_OverManySeconds_NeverMoreThanBurstPlusRateTimesElapsed(double perSecond, int burst, int seconds)
    {
        _options.RateLimits[ContactChannel.Sms] = new RateLimitSettings { PerSecond = perSecond, Burst = burst };
        var bucket = (int)_sut.Available(ContactChannel.Sms)!.Value;
        var demand = bucket + (int)Math.Ceiling(perSecond * seconds) + 50;
        var sends = Enumerable.Range(0, demand).Select(_ => _sut.AcquireAsync(ContactChannel.Sms).AsTask()).ToList();

        var periods = seconds * 10;
        for (var period = 1; period <= periods; period++)
        {
            _time.Advance(ProviderRateLimits.ReplenishmentPeriod);

            var granted = demand - _sut.Waiting;
            var elapsed = period * ProviderRateLimits.ReplenishmentPeriod.TotalSeconds;
            granted.ShouldBeLessThanOrEqualTo((long)Math.Floor(bucket + (perSecond * elapsed) + 1e-9), $"after {elapsed:0.0} s");
        }

        // And the rate is used, not wasted: within one token of the sustained rate.
        var total = demand - _sut.Waiting;
        total.ShouldBeGreaterThanOrEqualTo((long)Math.Floor(bucket + (perSecond * seconds) - 1));
        var grantedTasks = sends.Take((int)total).ToList();
        (await Task.WhenAll(grantedTasks).WaitAsync(Completion)).ShouldAllBe(l => l.IsAcquired);
        DisposeWhenGranted(sends);
    }

    /// <summary>Leases still queued are released with the limiter when the test disposes it.</summary>
    private static void DisposeWhenGranted(IEnumerable<Task<RateLimitLease>> sends)
    {
        foreach (var send in sends)
        {
            _ = send.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }
}

using MonaSpark.Application.Ports;
using Shouldly;
using Xunit;

namespace MonaSpark.TestKit;

/// <summary>
/// The behaviour every <see cref="IProviderRateLimiter"/> adapter must show: a token bucket's
/// figures exactly (the burst at once, then one slot per interval), slots reserved in the future
/// rather than refused while they fit the wait allowed, nothing held by a refusal, providers apart,
/// and never more than the limit under concurrent callers.
/// </summary>
public abstract class ProviderRateLimiterContract : IAsyncLifetime
{
    private static readonly ProviderRateLimit TenPerSecondBurstThree = new(10, 3);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private IProviderRateLimiter? _sut;

    protected IProviderRateLimiter Sut => _sut ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<IProviderRateLimiter> CreateAsync();

    public async Task InitializeAsync() => _sut = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private ValueTask<RateReservation> ReserveAsync(TimeSpan at, TimeSpan maxWait, string provider = "Email", ProviderRateLimit? limit = null) =>
        Sut.ReserveAsync(provider, limit ?? TenPerSecondBurstThree, Samples.Epoch + at, maxWait);

    [Fact]
    public async Task Reserve_TheBurstAtOnce_ThenOneSlotPerInterval()
    {
        for (var i = 0; i < 3; i++)
        {
            (await ReserveAsync(TimeSpan.Zero, TimeSpan.FromSeconds(10))).ShouldBe(new RateReservation(true, TimeSpan.Zero), $"burst slot {i}");
        }

        (await ReserveAsync(TimeSpan.Zero, TimeSpan.FromSeconds(10))).ShouldBe(new RateReservation(true, Interval));
        (await ReserveAsync(TimeSpan.Zero, TimeSpan.FromSeconds(10))).ShouldBe(new RateReservation(true, Interval * 2));
    }

    [Fact]
    public async Task Reserve_BeyondTheWaitAllowed_IsRefusedAndHoldsNothing()
    {
        for (var i = 0; i < 3; i++)
        {
            (await ReserveAsync(TimeSpan.Zero, TimeSpan.Zero)).Granted.ShouldBeTrue();
        }

        // The next slot is 100 ms away: refused with no wait allowed, and told when to come back.
        (await ReserveAsync(TimeSpan.Zero, TimeSpan.Zero)).ShouldBe(new RateReservation(false, Interval));
        (await ReserveAsync(TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(10))).ShouldBe(new RateReservation(false, TimeSpan.FromMilliseconds(50)));

        // The refusals took nothing: the slot is still the next one.
        (await ReserveAsync(TimeSpan.FromMilliseconds(100), TimeSpan.Zero)).ShouldBe(new RateReservation(true, TimeSpan.Zero));
        (await ReserveAsync(TimeSpan.FromMilliseconds(100), TimeSpan.Zero)).Granted.ShouldBeFalse();
    }

    [Fact]
    public async Task Reserve_AfterAQuietSpell_TheBurstIsBackButNoMore()
    {
        for (var i = 0; i < 5; i++)
        {
            await ReserveAsync(TimeSpan.Zero, TimeSpan.FromSeconds(1));
        }

        var later = TimeSpan.FromSeconds(10);
        var granted = 0;
        while ((await ReserveAsync(later, TimeSpan.Zero)).Granted)
        {
            granted++;
        }

        granted.ShouldBe(3);
    }

    [Fact]
    public async Task Reserve_ProvidersAreApart()
    {
        for (var i = 0; i < 3; i++)
        {
            await ReserveAsync(TimeSpan.Zero, TimeSpan.Zero);
        }

        (await ReserveAsync(TimeSpan.Zero, TimeSpan.Zero)).Granted.ShouldBeFalse();
        (await ReserveAsync(TimeSpan.Zero, TimeSpan.Zero, provider: "Sms")).ShouldBe(new RateReservation(true, TimeSpan.Zero));
    }

    [Fact]
    public async Task Reserve_AFractionalRate_SpacesSlotsBySeconds()
    {
        var onePerTwoSeconds = new ProviderRateLimit(0.5, 1);

        (await ReserveAsync(TimeSpan.Zero, TimeSpan.FromMinutes(1), limit: onePerTwoSeconds)).Delay.ShouldBe(TimeSpan.Zero);
        (await ReserveAsync(TimeSpan.Zero, TimeSpan.FromMinutes(1), limit: onePerTwoSeconds)).Delay.ShouldBe(TimeSpan.FromSeconds(2));
        (await ReserveAsync(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), limit: onePerTwoSeconds)).Delay.ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Reserve_ConcurrentCallers_NeverShareASlotNorExceedTheLimit()
    {
        var limit = new ProviderRateLimit(20, 5);
        var reservations = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            await Task.Yield();
            return await Sut.ReserveAsync("Concurrent", limit, Samples.Epoch, TimeSpan.FromSeconds(10));
        }));

        reservations.ShouldAllBe(r => r.Granted);
        var slots = reservations.Select(r => r.Delay).Order().ToList();
        slots.Count(d => d == TimeSpan.Zero).ShouldBe(5);
        slots.Distinct().Count().ShouldBe(36); // the burst shares the instant; every other slot is its own
        slots[^1].ShouldBe(TimeSpan.FromMilliseconds(50) * 35);

        // In any one second from the start: the burst plus the rate, never more.
        slots.Count(d => d < TimeSpan.FromSeconds(1)).ShouldBe(5 + 19);
    }
}

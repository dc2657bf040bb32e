using MonaSpark.Application.Ports;
using MonaSpark.Domain.Outreach.Policies;
using Shouldly;
using Xunit;

namespace MonaSpark.TestKit;

/// <summary>The behaviour every <see cref="ISenderLedger"/> adapter must show.</summary>
public abstract class SenderLedgerContract : IAsyncLifetime
{
    private const string Sender = "hello@monaspark.example";
    private const string OtherSender = "+33 6/00?#|%";
    private static readonly DateOnly Today = DateOnly.FromDateTime(Samples.Epoch.UtcDateTime);
    private static readonly SenderStats NoOutcomes = new(0, 0, 0);

    private ISenderLedger? _sut;

    protected ISenderLedger Sut => _sut ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<ISenderLedger> CreateAsync();

    public async Task InitializeAsync() => _sut = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private Task<SenderRecord> RecordOfAsync(string sender = Sender, DateOnly? today = null, DateTimeOffset? since = null) =>
        Sut.GetAsync(sender, today ?? Today, since ?? Samples.Epoch.AddDays(-7));

    [Fact]
    public async Task Get_NeverUsed_NothingHeldNothingRecordedNotPaused()
    {
        var record = await RecordOfAsync();

        record.ShouldBe(new SenderRecord(null, 0, NoOutcomes, null, SenderPauseReason.None));
        record.Paused.ShouldBeFalse();
    }

    [Fact]
    public async Task TryReserve_UpToTheCap_ThenRefused()
    {
        (await Sut.TryReserveAsync(Sender, "send-1", Today, 2)).ShouldBe(new QuotaReservation(true, 1));
        (await Sut.TryReserveAsync(Sender, "send-2", Today, 2)).ShouldBe(new QuotaReservation(true, 2));
        (await Sut.TryReserveAsync(Sender, "send-3", Today, 2)).ShouldBe(new QuotaReservation(false, 2));
        (await Sut.TryReserveAsync(Sender, "send-3", Today, 3)).ShouldBe(new QuotaReservation(true, 3));

        (await RecordOfAsync()).HeldToday.ShouldBe(3);
    }

    [Fact]
    public async Task TryReserve_SameKeyTwice_HoldsOneUnit_EvenAtTheCap()
    {
        (await Sut.TryReserveAsync(Sender, "send-1", Today, 1)).ShouldBe(new QuotaReservation(true, 1));
        (await Sut.TryReserveAsync(Sender, "send-1", Today, 1)).ShouldBe(new QuotaReservation(true, 1));
        (await Sut.TryReserveAsync(Sender, "send-2", Today, 1)).ShouldBe(new QuotaReservation(false, 1));

        (await RecordOfAsync()).HeldToday.ShouldBe(1);
    }

    [Fact]
    public async Task TryReserve_CountsPerSenderAndPerDay()
    {
        (await Sut.TryReserveAsync(Sender, "send-1", Today, 1)).Granted.ShouldBeTrue();
        (await Sut.TryReserveAsync(Sender, "send-2", Today.AddDays(1), 1)).ShouldBe(new QuotaReservation(true, 1));
        (await Sut.TryReserveAsync(OtherSender, "send-3", Today, 1)).ShouldBe(new QuotaReservation(true, 1));

        (await RecordOfAsync()).HeldToday.ShouldBe(1);
        (await RecordOfAsync(today: Today.AddDays(1))).HeldToday.ShouldBe(1);
        (await RecordOfAsync(today: Today.AddDays(2))).HeldToday.ShouldBe(0);
        (await RecordOfAsync(OtherSender)).HeldToday.ShouldBe(1);
    }

    [Fact]
    public async Task Release_FreesOneUnitOfItsDay_Once_AndUnknownKeysChangeNothing()
    {
        await Sut.TryReserveAsync(Sender, "send-0", Today.AddDays(-1), 2);
        await Sut.TryReserveAsync(Sender, "send-1", Today, 2);
        await Sut.TryReserveAsync(Sender, "send-2", Today, 2);

        await Sut.ReleaseAsync(Sender, "send-1");
        await Sut.ReleaseAsync(Sender, "send-1");
        await Sut.ReleaseAsync(Sender, "unknown");
        await Sut.ReleaseAsync(OtherSender, "send-2");

        (await RecordOfAsync()).HeldToday.ShouldBe(1);
        (await RecordOfAsync(today: Today.AddDays(-1))).HeldToday.ShouldBe(1);
        (await Sut.TryReserveAsync(Sender, "send-3", Today, 2)).ShouldBe(new QuotaReservation(true, 2));
        (await Sut.TryReserveAsync(Sender, "send-4", Today, 2)).ShouldBe(new QuotaReservation(false, 2));

        await Sut.ReleaseAsync(Sender, "send-0");
        (await RecordOfAsync(today: Today.AddDays(-1))).HeldToday.ShouldBe(0);
        (await RecordOfAsync()).HeldToday.ShouldBe(2);
    }

    [Fact]
    public async Task TryReserve_AfterReleaseOfTheSameKey_ReservesAgain()
    {
        await Sut.TryReserveAsync(Sender, "send-1", Today, 1);
        await Sut.ReleaseAsync(Sender, "send-1");

        (await Sut.TryReserveAsync(Sender, "send-1", Today, 1)).ShouldBe(new QuotaReservation(true, 1));

        await Sut.ReleaseAsync(Sender, "send-1");
        (await RecordOfAsync()).HeldToday.ShouldBe(0);
    }

    [Fact]
    public async Task FirstSendDay_FixedByTheFirstGrantedReservation()
    {
        await Sut.PauseAsync(Sender, SenderPauseReason.Bounces, Samples.Epoch);
        await Sut.ResumeAsync(Sender, Samples.Epoch.AddHours(1));
        (await Sut.TryReserveAsync(Sender, "refused", Today.AddDays(-2), 0)).ShouldBe(new QuotaReservation(false, 0));
        (await RecordOfAsync()).FirstSendDay.ShouldBeNull();

        await Sut.TryReserveAsync(Sender, "send-1", Today, 5);
        await Sut.TryReserveAsync(Sender, "send-2", Today.AddDays(3), 5);
        await Sut.TryReserveAsync(Sender, "send-3", Today.AddDays(-1), 5);
        await Sut.ReleaseAsync(Sender, "send-1");

        (await RecordOfAsync()).FirstSendDay.ShouldBe(Today);
        (await RecordOfAsync(OtherSender)).FirstSendDay.ShouldBeNull();
    }

    [Fact(Timeout = 60_000)]
    public async Task TryReserve_RacingForTheLastUnits_GrantsExactlyTheCap()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => Sut.TryReserveAsync(Sender, $"send-{i}", Today, 5))));

        results.Count(r => r.Granted).ShouldBe(5);
        results.Where(r => r.Granted).Select(r => r.HeldToday).Order().ShouldBe([1, 2, 3, 4, 5]);
        results.Where(r => !r.Granted).ShouldAllBe(r => r.HeldToday == 5);
        (await RecordOfAsync()).HeldToday.ShouldBe(5);
    }

    [Fact(Timeout = 60_000)]
    public async Task TryReserve_SameKeyRacing_HoldsOneUnit()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Sut.TryReserveAsync(Sender, "send-1", Today, 5))));

        results.ShouldAllBe(r => r.Granted && r.HeldToday == 1);
        (await RecordOfAsync()).HeldToday.ShouldBe(1);
    }

    [Fact]
    public async Task Record_OncePerMessageAndKind_CountedSinceTheGivenTime()
    {
        await Sut.RecordAsync(Sender, "m-old", SenderOutcome.Sent, Samples.Epoch.AddDays(-10));
        await Sut.RecordAsync(Sender, "m-1", SenderOutcome.Sent, Samples.Epoch.AddDays(-2));
        await Sut.RecordAsync(Sender, "m-1", SenderOutcome.Sent, Samples.Epoch.AddDays(-1)); // replayed, later
        await Sut.RecordAsync(Sender, "m-1", SenderOutcome.Bounced, Samples.Epoch.AddDays(-2).AddMinutes(1));
        await Sut.RecordAsync(Sender, "m-2", SenderOutcome.Sent, Samples.Epoch.AddHours(-1));
        await Sut.RecordAsync(Sender, "m-2", SenderOutcome.Complained, Samples.Epoch);
        await Sut.RecordAsync(Sender, "m-2", SenderOutcome.Complained, Samples.Epoch);
        await Sut.RecordAsync(OtherSender, "m-3", SenderOutcome.Bounced, Samples.Epoch);

        (await RecordOfAsync()).Stats.ShouldBe(new SenderStats(2, 1, 1));
        (await RecordOfAsync(since: Samples.Epoch.AddHours(-1))).Stats.ShouldBe(new SenderStats(1, 0, 1));
        (await RecordOfAsync(since: Samples.Epoch.AddDays(-30))).Stats.ShouldBe(new SenderStats(3, 1, 1));
        (await RecordOfAsync(OtherSender)).Stats.ShouldBe(new SenderStats(0, 1, 0));
        (await RecordOfAsync()).FirstSendDay.ShouldBeNull();
    }

    [Fact]
    public async Task Pause_KeepsTheFirstReasonAndTime_ResumeClearsIt()
    {
        await Sut.TryReserveAsync(Sender, "send-1", Today, 5);

        await Sut.PauseAsync(Sender, SenderPauseReason.Complaints, Samples.Epoch.AddHours(1));
        await Sut.PauseAsync(Sender, SenderPauseReason.Bounces, Samples.Epoch.AddHours(2));

        var paused = await RecordOfAsync();
        paused.ShouldBe(new SenderRecord(Today, 1, NoOutcomes, Samples.Epoch.AddHours(1), SenderPauseReason.Complaints));
        paused.Paused.ShouldBeTrue();
        (await RecordOfAsync(OtherSender)).Paused.ShouldBeFalse();

        await Sut.ResumeAsync(Sender, Samples.Epoch.AddHours(3));
        await Sut.ResumeAsync(Sender, Samples.Epoch.AddHours(4));

        (await RecordOfAsync()).ShouldBe(new SenderRecord(Today, 1, NoOutcomes, null, SenderPauseReason.None));

        await Sut.PauseAsync(Sender, SenderPauseReason.Bounces, Samples.Epoch.AddHours(5));
        (await RecordOfAsync()).ShouldBe(new SenderRecord(Today, 1, NoOutcomes, Samples.Epoch.AddHours(5), SenderPauseReason.Bounces));
    }

    [Fact]
    public async Task Resume_NeverPaused_ChangesNothing()
    {
        await Sut.ResumeAsync(Sender, Samples.Epoch);

        (await RecordOfAsync()).ShouldBe(new SenderRecord(null, 0, NoOutcomes, null, SenderPauseReason.None));
    }
}

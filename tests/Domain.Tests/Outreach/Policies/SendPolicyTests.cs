using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Outreach.Policies;
using MonaSpark.Domain.Sources;
using MonaSpark.TestKit;

namespace MonaSpark.Domain.Tests.Outreach.Policies;

/// <summary>The checks before every send, with fixed instants across time zones and daylight-saving changes.</summary>
public class SendPolicyTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private readonly SendPolicy _sut = new(SendPolicySettings.Default(Paris));

    private static readonly Provenance Seen = new(SourceKind.Web, "src-x", Samples.Epoch);

    private static ContactPoint Email(bool business = true, LawfulBasis basis = LawfulBasis.LegitimateInterest) =>
        new(ContactChannel.Email, "booking@luna.example", basis, business, Seen);

    private static ContactPoint Sms() => new(ContactChannel.Sms, "+33600000000", LawfulBasis.Consent, false, Seen);

    private static Consent Granted(ContactChannel channel, DateTimeOffset at) =>
        new(new ArtistId("art-1"), channel, ConsentStatus.Granted, LawfulBasis.Consent, "form", at);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static SendRequest Request(ContactPoint point, DateTimeOffset now, TimeZoneInfo? zone = null, IReadOnlyList<DateTimeOffset>? sent = null) =>
        new(point, [Granted(ContactChannel.Sms, now.AddDays(-30))], [], Suppressed: false, ChannelEligible: true, sent ?? [], zone ?? Paris, now);

    [Fact]
    public void Evaluate_BusinessEmailInsideTheWindow_Allowed() =>
        _sut.Evaluate(Request(Email(), Utc(2026, 6, 10, 10))).Verdict.ShouldBe(SendVerdict.Allowed);

    [Fact]
    public void Evaluate_NightInTheRecipientsZone_DeferredToTheirMorning()
    {
        // 10:00 UTC is 06:00 in New York (EDT, UTC−4): e-mail waits until 08:00 there, 12:00 UTC.
        var decision = _sut.Evaluate(Request(Email(), Utc(2026, 6, 10, 10), NewYork));

        decision.Verdict.ShouldBe(SendVerdict.Deferred);
        decision.NotBefore.ShouldBe(Utc(2026, 6, 10, 12));
        decision.Reasons.ShouldBe([SendRefusals.QuietHours]);
    }

    [Fact]
    public void Evaluate_SmsOnTheRecipientsSunday_WaitsForMonday()
    {
        // Saturday 2026-06-13 23:00 UTC is Sunday 08:00 in Tokyo: no SMS on Sundays, Monday 09:00 JST = Sunday 00:00 UTC.
        var decision = _sut.Evaluate(Request(Sms(), Utc(2026, 6, 13, 23), Tokyo));

        decision.NotBefore.ShouldBe(Utc(2026, 6, 15, 0));
    }

    [Fact]
    public void Evaluate_AcrossTheSpringForward_OpensAtTheNewOffset()
    {
        // Paris goes from UTC+1 to UTC+2 at 01:00 UTC on 2026-03-29. At 22:00 UTC on the 28th it is
        // 23:00 local; the next 08:00 local is on the 29th at UTC+2: 06:00 UTC, not 07:00.
        _sut.Evaluate(Request(Email(), Utc(2026, 3, 28, 22), Paris)).NotBefore.ShouldBe(Utc(2026, 3, 29, 6));
    }

    [Fact]
    public void Evaluate_AcrossTheFallBack_OpensAtTheNewOffset()
    {
        // New York goes from UTC−4 to UTC−5 at 06:00 UTC on 2026-11-01: 08:00 local is 13:00 UTC.
        _sut.Evaluate(Request(Email(), Utc(2026, 11, 1, 3), NewYork)).NotBefore.ShouldBe(Utc(2026, 11, 1, 13));
    }

    [Fact]
    public void NextOpen_StartInTheSpringGap_OpensWhenTheGapEnds()
    {
        // A window from 02:30: on 2026-03-29 Paris skips 02:00–03:00, so it opens at 03:00 local (01:00 UTC).
        var window = new LocalWindow(new TimeOnly(2, 30), new TimeOnly(5, 0), LocalWindow.EveryDay);

        window.NextOpen(Utc(2026, 3, 28, 23), Paris).ShouldBe(Utc(2026, 3, 29, 1));
    }

    [Fact]
    public void NextOpen_StartInTheFallOverlap_OpensAtTheFirstOccurrence()
    {
        // Paris repeats 02:00–03:00 on 2026-10-25; 02:30 first happens at UTC+2, 00:30 UTC.
        var window = new LocalWindow(new TimeOnly(2, 30), new TimeOnly(5, 0), LocalWindow.EveryDay);

        window.NextOpen(Utc(2026, 10, 24, 22), Paris).ShouldBe(Utc(2026, 10, 25, 0, 30));
    }

    [Fact]
    public void Evaluate_FrequencyCapSharedAcrossChannels_DefersUntilTheWindowSlides()
    {
        // Two messages this week (one e-mail, one SMS): the cap of 2 in 7 days holds the third until
        // seven days after the older one, then the window must be open too.
        var now = Utc(2026, 6, 10, 10);
        var sent = new[] { Utc(2026, 6, 5, 9), Utc(2026, 6, 8, 14) };

        var decision = _sut.Evaluate(Request(Email(), now, Paris, sent));

        decision.Verdict.ShouldBe(SendVerdict.Deferred);
        decision.NotBefore.ShouldBe(Utc(2026, 6, 12, 9));
        decision.Reasons.ShouldBe([SendRefusals.FrequencyCap]);
    }

    [Fact]
    public void Evaluate_CapEndsAtNight_WaitsForTheMorningAfter()
    {
        // The cap lifts at 20:30 UTC (22:30 in Paris, after 21:00): the next window is 08:00 Paris, 06:00 UTC.
        var sent = new[] { Utc(2026, 6, 3, 20, 30), Utc(2026, 6, 8, 14) };

        _sut.Evaluate(Request(Email(), Utc(2026, 6, 10, 10), Paris, sent)).NotBefore.ShouldBe(Utc(2026, 6, 11, 6));
    }

    [Fact]
    public void Evaluate_OptedOutOnThisChannelOrAll_Refused()
    {
        var now = Utc(2026, 6, 10, 10);
        (_sut.Evaluate(Request(Email(), now) with { OptOuts = [new OptOut(ContactChannel.Email, now.AddDays(-1))] })).Reasons.ShouldBe([SendRefusals.OptedOut]);
        (_sut.Evaluate(Request(Email(), now) with { OptOuts = [new OptOut(null, now.AddDays(-1))] })).Verdict.ShouldBe(SendVerdict.Refused);
        (_sut.Evaluate(Request(Email(), now) with { OptOuts = [new OptOut(ContactChannel.Sms, now.AddDays(-1))] })).Verdict.ShouldBe(SendVerdict.Allowed);
    }

    [Fact]
    public void Evaluate_EveryReasonIsGiven()
    {
        var now = Utc(2026, 6, 10, 10);

        var decision = _sut.Evaluate(Request(Email(business: false), now) with
        {
            OptOuts = [new OptOut(null, now)],
            Suppressed = true,
            ChannelEligible = false,
        });

        decision.Verdict.ShouldBe(SendVerdict.Refused);
        decision.Reasons.ShouldBe([SendRefusals.OptedOut, SendRefusals.Suppressed, SendRefusals.NoLawfulBasis, SendRefusals.ChannelNotEligible]);
    }

    [Fact]
    public void Evaluate_LawfulBasis()
    {
        var now = Utc(2026, 6, 10, 10);

        // A personal e-mail under legitimate interest: not a business contact, no basis.
        _sut.Evaluate(Request(Email(business: false), now)).Reasons.ShouldBe([SendRefusals.NoLawfulBasis]);

        // An SMS opt-in stands until it is withdrawn; the latest decision counts.
        var sms = Request(Sms(), now);
        _sut.Evaluate(sms).Verdict.ShouldBe(SendVerdict.Allowed);
        _sut.Evaluate(sms with { Consents = [] }).Reasons.ShouldBe([SendRefusals.NoLawfulBasis]);
        _sut.Evaluate(sms with
        {
            Consents = [Granted(ContactChannel.Sms, now.AddDays(-30)), Granted(ContactChannel.Sms, now.AddDays(-1)) with { Status = ConsentStatus.Withdrawn }],
        }).Reasons.ShouldBe([SendRefusals.NoLawfulBasis]);
    }

    [Fact]
    public void LocalWindow_Invalid_Throws()
    {
        Should.Throw<ArgumentException>(() => new LocalWindow(new TimeOnly(21, 0), new TimeOnly(8, 0), LocalWindow.EveryDay));
        Should.Throw<ArgumentException>(() => new LocalWindow(new TimeOnly(8, 0), new TimeOnly(21, 0), new HashSet<DayOfWeek>()));
    }
}

using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Outreach.Policies;

namespace MonaSpark.Application.Tests.Outreach;

/// <summary>Provider reports applied over the real SQLite stores: suppression, objections, consent, journal, and each report once.</summary>
public sealed class DeliveryReportsTests : IDisposable
{
    private static readonly DateTimeOffset SentAt = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ReportedAt = SentAt.AddMinutes(7);

    private readonly OutreachHarness _harness = new(SentAt);

    public void Dispose() => _harness.Dispose();

    private static DeliveryEvent Email(string eventId, DeliveryEventKind kind, string? providerMessageId = "sg-1", string address = OutreachHarness.Email, string? detail = null) =>
        new("sendgrid", eventId, kind, ContactChannel.Email, providerMessageId, address, ReportedAt, detail);

    private static DeliveryEvent Sms(string eventId, DeliveryEventKind kind, string? detail = null) =>
        new("twilio", eventId, kind, ContactChannel.Sms, null, OutreachHarness.Phone, ReportedAt, detail);

    [Fact]
    public async Task ApplyAsync_HardBounce_SuppressesTheAddressAndCountsAgainstTheSender()
    {
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddSentMessageAsync(artist, "sg-1");

        var applied = await _harness.DeliveryReports().ApplyAsync([Email("ev-1", DeliveryEventKind.Bounced, address: " Booking@Luna.EXAMPLE ", detail: "550 5.1.1 no such user")]);

        applied.ShouldBe(1);
        (await _harness.StandingAsync(artist.Id)).Suppressed.ShouldBeTrue();
        var stored = (await _harness.Messages.GetAsync(message.Id))!;
        stored.Status.ShouldBe(MessageStatus.Bounced);
        stored.StatusAt.ShouldBe(ReportedAt);
        (await _harness.SenderAsync()).Stats.ShouldBe(new SenderStats(0, 1, 0));
        (await _harness.EventsAsync()).ShouldBe([new DeliveryReported(artist.Id.Value, ReportedAt, message.Id, "Bounced", "sendgrid:ev-1")]);
        (await _harness.StandingAsync(artist.Id)).OptOuts.ShouldBeEmpty();
    }

    [Fact]
    public async Task ApplyAsync_Complaint_SuppressesAndObjectsOnThatChannel()
    {
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddSentMessageAsync(artist, "sg-1");

        (await _harness.DeliveryReports().ApplyAsync([Email("ev-2", DeliveryEventKind.Complained)])).ShouldBe(1);

        var standing = await _harness.StandingAsync(artist.Id);
        standing.Suppressed.ShouldBeTrue();
        standing.OptOuts.ShouldBe([new OptOut(ContactChannel.Email, ReportedAt)]);
        (await _harness.Messages.GetAsync(message.Id))!.Status.ShouldBe(MessageStatus.Complained);
        (await _harness.SenderAsync()).Stats.ShouldBe(new SenderStats(0, 0, 1));
        (await _harness.EventsAsync()).ShouldBe(
        [
            new OptedOut(artist.Id.Value, ReportedAt, ContactChannel.Email, "sendgrid-complaint"),
            new DeliveryReported(artist.Id.Value, ReportedAt, message.Id, "Complained", "sendgrid:ev-2"),
        ]);
    }

    [Fact]
    public async Task ApplyAsync_Delivered_MovesTheMessageAndSuppressesNothing()
    {
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddSentMessageAsync(artist, "sg-1");

        (await _harness.DeliveryReports().ApplyAsync([Email("ev-3", DeliveryEventKind.Delivered)])).ShouldBe(1);

        (await _harness.Messages.GetAsync(message.Id))!.Status.ShouldBe(MessageStatus.Delivered);
        (await _harness.StandingAsync(artist.Id)).Suppressed.ShouldBeFalse();
        (await _harness.EventsAsync()).ShouldBe([new DeliveryReported(artist.Id.Value, ReportedAt, message.Id, "Delivered", "sendgrid:ev-3")]);
    }

    [Fact]
    public async Task ApplyAsync_DeliveredAfterABounce_TheMessageStaysBounced()
    {
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddSentMessageAsync(artist, "sg-1");
        var sut = _harness.DeliveryReports();

        await sut.ApplyAsync([Email("ev-bounce", DeliveryEventKind.Bounced)]);
        await sut.ApplyAsync([Email("ev-late", DeliveryEventKind.Delivered)]);

        (await _harness.Messages.GetAsync(message.Id))!.Status.ShouldBe(MessageStatus.Bounced);
    }

    [Fact]
    public async Task ApplyAsync_SmsStopWithoutAMessageId_OptsOutTheNumbersLatestRecipient()
    {
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddSentMessageAsync(artist, "tw-1", channel: ContactChannel.Sms);

        (await _harness.DeliveryReports().ApplyAsync([Sms("SM-stop", DeliveryEventKind.OptedOut, "STOP")])).ShouldBe(1);

        var standing = await _harness.StandingAsync(artist.Id, OutreachHarness.Phone);
        standing.OptOuts.ShouldBe([new OptOut(ContactChannel.Sms, ReportedAt)]);
        standing.Suppressed.ShouldBeFalse();
        (await _harness.EventsAsync()).ShouldBe(
        [
            new OptedOut(artist.Id.Value, ReportedAt, ContactChannel.Sms, "twilio-stop"),
            new DeliveryReported(artist.Id.Value, ReportedAt, message.Id, "OptedOut", "twilio:SM-stop"),
        ]);
    }

    [Fact]
    public async Task ApplyAsync_SmsStopFromANumberWithTwoArtists_TheNewestMessageDecides()
    {
        var luna = await _harness.AddArtistAsync();
        await _harness.AddSentMessageAsync(luna, "tw-1", channel: ContactChannel.Sms);
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        var nova = await _harness.AddArtistAsync("nova", "booking@nova.example", OutreachHarness.Phone);
        await _harness.AddSentMessageAsync(nova, "tw-2", channel: ContactChannel.Sms);

        await _harness.DeliveryReports().ApplyAsync([Sms("SM-stop", DeliveryEventKind.OptedOut, "STOP")]);

        (await _harness.StandingAsync(nova.Id, OutreachHarness.Phone)).OptOuts.Count.ShouldBe(1);
        (await _harness.StandingAsync(luna.Id, OutreachHarness.Phone)).OptOuts.ShouldBeEmpty();
    }

    [Fact]
    public async Task ApplyAsync_SmsStart_GrantsConsentOnSms()
    {
        var artist = await _harness.AddArtistAsync();
        await _harness.AddSentMessageAsync(artist, "tw-1", channel: ContactChannel.Sms);

        (await _harness.DeliveryReports().ApplyAsync([Sms("SM-start", DeliveryEventKind.OptedIn, "START")])).ShouldBe(1);

        (await _harness.StandingAsync(artist.Id, OutreachHarness.Phone)).Consents.ShouldBe(
            [new Consent(artist.Id, ContactChannel.Sms, ConsentStatus.Granted, LawfulBasis.Consent, "twilio:SM-start", ReportedAt)]);
    }

    [Fact]
    public async Task ApplyAsync_Reply_JournalsMessageReceived()
    {
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddSentMessageAsync(artist, "tw-1", channel: ContactChannel.Sms);

        (await _harness.DeliveryReports().ApplyAsync([Sms("SM-reply", DeliveryEventKind.Replied)])).ShouldBe(1);

        (await _harness.EventsAsync()).ShouldBe(
        [
            new MessageReceived(artist.Id.Value, ReportedAt, ContactChannel.Sms),
            new DeliveryReported(artist.Id.Value, ReportedAt, message.Id, "Replied", "twilio:SM-reply"),
        ]);
    }

    [Fact]
    public async Task ApplyAsync_Click_JournalsLinkClicked()
    {
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddSentMessageAsync(artist, "sg-1");

        (await _harness.DeliveryReports().ApplyAsync([Email("ev-click", DeliveryEventKind.Clicked)])).ShouldBe(1);

        (await _harness.EventsAsync()).ShouldBe(
        [
            new LinkClicked(artist.Id.Value, ReportedAt, message.Id),
            new DeliveryReported(artist.Id.Value, ReportedAt, message.Id, "Clicked", "sendgrid:ev-click"),
        ]);
        (await _harness.Messages.GetAsync(message.Id))!.Status.ShouldBe(MessageStatus.Sent);
    }

    [Fact]
    public async Task ApplyAsync_SameReportTwice_AppliedOnce()
    {
        var artist = await _harness.AddArtistAsync();
        await _harness.AddSentMessageAsync(artist, "sg-1");
        var sut = _harness.DeliveryReports();
        var click = Email("ev-dup", DeliveryEventKind.Clicked);

        var first = await sut.ApplyAsync([click, click]);
        var retried = await _harness.DeliveryReports().ApplyAsync([click]);

        first.ShouldBe(1);
        retried.ShouldBe(0);
        (await _harness.EventsAsync<DeliveryReported>()).Count.ShouldBe(1);
        (await _harness.EventsAsync<LinkClicked>()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ApplyAsync_SameEventIdFromAnotherProvider_AppliedToo()
    {
        var artist = await _harness.AddArtistAsync();
        await _harness.AddSentMessageAsync(artist, "sg-1");
        await _harness.AddSentMessageAsync(artist, "tw-1", "send-2", ContactChannel.Sms);

        var applied = await _harness.DeliveryReports().ApplyAsync([Email("ev-9", DeliveryEventKind.Delivered), Sms("ev-9", DeliveryEventKind.Replied)]);

        applied.ShouldBe(2);
    }

    [Fact]
    public async Task ApplyAsync_BounceOfAnUnknownMessage_StillSuppressesTheAddress()
    {
        var artist = await _harness.AddArtistAsync();
        var ghost = "ghost@nowhere.example";

        var applied = await _harness.DeliveryReports().ApplyAsync([Email("ev-ghost", DeliveryEventKind.Bounced, "sg-unknown", ghost)]);

        applied.ShouldBe(1);
        (await _harness.StandingAsync(artist.Id, ghost)).Suppressed.ShouldBeTrue();
        (await _harness.StandingAsync(artist.Id)).Suppressed.ShouldBeFalse();
        (await _harness.EventsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ApplyAsync_ClickOfAnUnknownMessage_NotApplied()
    {
        (await _harness.DeliveryReports().ApplyAsync([Email("ev-x", DeliveryEventKind.Clicked, "sg-unknown", "ghost@nowhere.example")])).ShouldBe(0);

        (await _harness.EventsAsync()).ShouldBeEmpty();
    }
}

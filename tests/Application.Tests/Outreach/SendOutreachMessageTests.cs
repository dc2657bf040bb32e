using MonaSpark.Application.Outreach;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Leads;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Outreach.Policies;
using MonaSpark.TestKit;

namespace MonaSpark.Application.Tests.Outreach;

/// <summary>The send path over the real SQLite stores: every check before the provider, and what an accepted or refused send records.</summary>
public sealed class SendOutreachMessageTests : IDisposable
{
    // A Monday, 15:00 UTC: 16:00 in Paris, inside every default window.
    private static readonly DateTimeOffset Afternoon = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private readonly OutreachHarness _harness = new(Afternoon);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task SendAsync_Accepted_RecordsTheSendEverywhere()
    {
        var artist = await _harness.AddArtistAsync();
        await _harness.Leads.SaveAsync(Samples.Lead(artist.Id, 1_000, FunnelStage.Qualified, Afternoon.AddDays(-1)), []);
        var message = await _harness.AddMessageAsync(artist);

        var outcome = await _harness.SendOutreachMessage().SendAsync(message.Id);

        outcome.ShouldBe(SendOutcome.Sent(Afternoon), new OutcomeComparer());
        _harness.EmailChannel.Sent.Select(m => m.Id).ShouldBe([message.Id]);
        var stored = (await _harness.Messages.GetAsync(message.Id))!;
        stored.Status.ShouldBe(MessageStatus.Sent);
        stored.StatusAt.ShouldBe(Afternoon);
        stored.ProviderMessageId.ShouldBe($"prov-{message.Id}");
        (await _harness.Messages.FindByProviderIdAsync($"prov-{message.Id}"))!.Id.ShouldBe(message.Id);
        (await _harness.EventsAsync<OutreachSent>()).ShouldBe([new OutreachSent(artist.Id.Value, Afternoon, message.Id, "first-contact", "intro", ContactChannel.Email)]);
        (await _harness.StandingAsync(artist.Id)).SentSince.ShouldBe([Afternoon]);
        var lead = (await _harness.Leads.GetAsync(artist.Id))!;
        lead.Stage.ShouldBe(FunnelStage.Contacted);
        lead.UpdatedAt.ShouldBe(Afternoon);
        var sender = await _harness.SenderAsync();
        sender.Stats.ShouldBe(new SenderStats(1, 0, 0));
        sender.HeldToday.ShouldBe(1);
        sender.FirstSendDay.ShouldBe(new DateOnly(2026, 11, 2));
    }

    [Fact]
    public async Task SendAsync_AcceptedWithoutALead_JournalsTheSendAlone()
    {
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddMessageAsync(artist);

        (await _harness.SendOutreachMessage().SendAsync(message.Id)).Kind.ShouldBe(SendOutcomeKind.Sent);

        (await _harness.EventsAsync<OutreachSent>()).Count.ShouldBe(1);
        (await _harness.Leads.GetAsync(artist.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task SendAsync_LeadAlreadyACustomer_StageNotMovedBack()
    {
        var artist = await _harness.AddArtistAsync();
        await _harness.Leads.SaveAsync(Samples.Lead(artist.Id, 1_000, FunnelStage.Customer, Afternoon.AddDays(-1)), []);
        var message = await _harness.AddMessageAsync(artist);

        await _harness.SendOutreachMessage().SendAsync(message.Id);

        (await _harness.Leads.GetAsync(artist.Id))!.Stage.ShouldBe(FunnelStage.Customer);
        (await _harness.EventsAsync<OutreachSent>()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendAsync_AlreadySent_AnswersSentAtTheOriginalTimeWithoutCallingTheChannel()
    {
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddMessageAsync(artist);
        await _harness.SendOutreachMessage().SendAsync(message.Id);
        _harness.Time.Advance(TimeSpan.FromHours(3));

        var replay = await _harness.SendOutreachMessage().SendAsync(message.Id);

        replay.ShouldBe(SendOutcome.Sent(Afternoon), new OutcomeComparer());
        _harness.EmailChannel.Calls.ShouldBe(1);
        (await _harness.EventsAsync<OutreachSent>()).Count.ShouldBe(1);
        (await _harness.SenderAsync()).Stats.Sent.ShouldBe(1);
    }

    [Fact]
    public async Task SendAsync_StoredAsSentBySomeoneElse_ChannelNeverCalled()
    {
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddSentMessageAsync(artist, "sg-earlier");
        _harness.Time.Advance(TimeSpan.FromMinutes(5));

        var outcome = await _harness.SendOutreachMessage().SendAsync(message.Id);

        outcome.ShouldBe(SendOutcome.Sent(Afternoon), new OutcomeComparer());
        _harness.EmailChannel.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task SendAsync_UnknownMessage_RefusedUnknownMessage()
    {
        var outcome = await _harness.SendOutreachMessage().SendAsync("journey-nobody:send-1");

        outcome.ShouldBe(SendOutcome.Refused(Afternoon, [SendPathReasons.UnknownMessage]), new OutcomeComparer());
        (await _harness.EventsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task SendAsync_OptedOut_CancelsTheMessageAndJournalsItOnce()
    {
        var artist = await _harness.AddArtistAsync();
        await _harness.Contacts.RecordOptOutAsync(artist.Id, new OptOut(ContactChannel.Email, Afternoon.AddDays(-2)), []);
        var message = await _harness.AddMessageAsync(artist);
        var sut = _harness.SendOutreachMessage();

        var outcome = await sut.SendAsync(message.Id);
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await sut.SendAsync(message.Id);

        outcome.ShouldBe(SendOutcome.Refused(Afternoon, [SendRefusals.OptedOut]), new OutcomeComparer());
        again.ShouldBe(SendOutcome.Refused(Afternoon.AddMinutes(1), [SendPathReasons.Cancelled]), new OutcomeComparer());
        var stored = (await _harness.Messages.GetAsync(message.Id))!;
        stored.Status.ShouldBe(MessageStatus.Cancelled);
        stored.StatusAt.ShouldBe(Afternoon);
        (await _harness.EventsAsync<OutreachCancelled>()).ShouldBe([new OutreachCancelled(artist.Id.Value, Afternoon, message.Id, SendRefusals.OptedOut)]);
        _harness.EmailChannel.Calls.ShouldBe(0);
        (await _harness.SenderAsync()).HeldToday.ShouldBe(0);
    }

    [Fact]
    public async Task SendAsync_OptedOutAndSuppressed_EveryReasonGiven()
    {
        var artist = await _harness.AddArtistAsync();
        await _harness.Contacts.RecordOptOutAsync(artist.Id, new OptOut(null, Afternoon.AddDays(-2)), []);
        await _harness.Contacts.SuppressAsync(OutreachHarness.Email, "hard-bounce", Afternoon.AddDays(-1));
        var message = await _harness.AddMessageAsync(artist);

        var outcome = await _harness.SendOutreachMessage().SendAsync(message.Id);

        outcome.Reasons.ShouldBe([SendRefusals.OptedOut, SendRefusals.Suppressed]);
        (await _harness.EventsAsync<OutreachCancelled>()).Single().Reason.ShouldBe("opted-out,suppressed");
    }

    [Fact]
    public async Task SendAsync_ArtistErased_CancelledArtistErased()
    {
        var artist = Samples.Artist("ghost");
        var message = await _harness.AddMessageAsync(artist);

        var outcome = await _harness.SendOutreachMessage().SendAsync(message.Id);

        outcome.ShouldBe(SendOutcome.Refused(Afternoon, [SendPathReasons.ArtistErased]), new OutcomeComparer());
        (await _harness.Messages.GetAsync(message.Id))!.Status.ShouldBe(MessageStatus.Cancelled);
    }

    [Fact]
    public async Task SendAsync_AddressNoLongerTheArtists_CancelledNoContactPoint()
    {
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddMessageAsync(artist, recipient: "old@luna.example");

        var outcome = await _harness.SendOutreachMessage().SendAsync(message.Id);

        outcome.Reasons.ShouldBe([SendPathReasons.NoContactPoint]);
        (await _harness.EventsAsync<OutreachCancelled>()).Single().Reason.ShouldBe(SendPathReasons.NoContactPoint);
    }

    [Fact]
    public async Task SendAsync_NightInParis_DeferredToTheWindowsNextOpening()
    {
        // Tuesday 22:30 UTC is 23:30 in Paris (CET): the 09:00-20:00 window opens Wednesday 09:00 Paris, 08:00 UTC.
        _harness.OutreachOptions.Windows[ContactChannel.Email] = "09:00-20:00 Mon-Sat";
        var night = new DateTimeOffset(2026, 11, 3, 22, 30, 0, TimeSpan.Zero);
        _harness.Time.SetUtcNow(night);
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddMessageAsync(artist);

        var outcome = await _harness.SendOutreachMessage().SendAsync(message.Id);

        outcome.ShouldBe(SendOutcome.Deferred(night, new DateTimeOffset(2026, 11, 4, 8, 0, 0, TimeSpan.Zero), SendRefusals.QuietHours), new OutcomeComparer());
        (await _harness.Messages.GetAsync(message.Id))!.Status.ShouldBe(MessageStatus.Drafted);
        _harness.EmailChannel.Calls.ShouldBe(0);
        (await _harness.SenderAsync()).HeldToday.ShouldBe(0);

        // The deferral is journalled: the journey learns it from there, with the attempt it answers.
        (await _harness.EventsAsync()).ShouldHaveSingleItem().ShouldBe(
            new OutreachDeferred(artist.Id.Value, night, message.Id, new DateTimeOffset(2026, 11, 4, 8, 0, 0, TimeSpan.Zero), SendRefusals.QuietHours, 0));
        await _harness.SendOutreachMessage().SendAsync(message.Id, dispatch: 1);
        (await _harness.EventsAsync()).OfType<OutreachDeferred>().Select(e => e.Dispatch).ShouldBe([0, 1]);
    }

    [Fact]
    public async Task SendAsync_SaturdayNightWindowClosedSunday_DeferredToMonday()
    {
        // Saturday 21:00 Paris (20:00 UTC), after closing; Sunday is closed: Monday 09:00 Paris.
        _harness.OutreachOptions.Windows[ContactChannel.Email] = "09:00-20:00 Mon-Sat";
        var saturday = new DateTimeOffset(2026, 11, 7, 20, 0, 0, TimeSpan.Zero);
        _harness.Time.SetUtcNow(saturday);
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddMessageAsync(artist);

        var outcome = await _harness.SendOutreachMessage().SendAsync(message.Id);

        outcome.NotBefore.ShouldBe(new DateTimeOffset(2026, 11, 9, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task SendAsync_WarmUpCapReached_DeferredToTheNextUtcMidnight()
    {
        _harness.OutreachOptions.SenderHealth = new SenderHealthSettings(WarmUpStart: 1);
        var luna = await _harness.AddArtistAsync();
        var nova = await _harness.AddArtistAsync("nova", "booking@nova.example", "+33698765432");
        var first = await _harness.AddMessageAsync(luna);
        var second = await _harness.AddMessageAsync(nova);
        var sut = _harness.SendOutreachMessage();

        (await sut.SendAsync(first.Id)).Kind.ShouldBe(SendOutcomeKind.Sent);
        var outcome = await sut.SendAsync(second.Id);

        outcome.ShouldBe(SendOutcome.Deferred(Afternoon, new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero), SendPathReasons.DailyCap), new OutcomeComparer());
        _harness.EmailChannel.Sent.Select(m => m.Id).ShouldBe([first.Id]);
        (await _harness.Messages.GetAsync(second.Id))!.Status.ShouldBe(MessageStatus.Drafted);
        (await _harness.SenderAsync()).HeldToday.ShouldBe(1);

        // The next day the warm-up cap doubles: the deferred message goes.
        _harness.Time.SetUtcNow(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero));
        (await sut.SendAsync(second.Id)).Kind.ShouldBe(SendOutcomeKind.Sent);
    }

    [Fact]
    public async Task SendAsync_ComplaintRateOverTheLimit_PausesTheSenderAndDefers()
    {
        var sender = "email:primary";
        for (var i = 0; i < 200; i++)
        {
            await _harness.Senders.RecordAsync(sender, $"old-{i}", SenderOutcome.Sent, Afternoon.AddDays(-3));
        }

        await _harness.Senders.RecordAsync(sender, "old-7", SenderOutcome.Complained, Afternoon.AddDays(-2));
        var luna = await _harness.AddArtistAsync();
        var nova = await _harness.AddArtistAsync("nova", "booking@nova.example", "+33698765432");
        var first = await _harness.AddMessageAsync(luna);
        var second = await _harness.AddMessageAsync(nova);
        var sut = _harness.SendOutreachMessage();

        var outcome = await sut.SendAsync(first.Id);
        _harness.Time.Advance(TimeSpan.FromMinutes(10));
        var next = await sut.SendAsync(second.Id);

        outcome.ShouldBe(SendOutcome.Deferred(Afternoon, Afternoon + SendOutreachMessage.PausedRetry, SendPathReasons.SenderPaused), new OutcomeComparer());
        next.ShouldBe(SendOutcome.Deferred(Afternoon.AddMinutes(10), Afternoon.AddMinutes(70), SendPathReasons.SenderPaused), new OutcomeComparer());
        var record = await _harness.SenderAsync();
        record.Paused.ShouldBeTrue();
        record.PausedAt.ShouldBe(Afternoon);
        record.PauseReason.ShouldBe(SenderPauseReason.Complaints);
        record.HeldToday.ShouldBe(0);
        (await _harness.EventsAsync<SenderPaused>()).ShouldBe([new SenderPaused(sender, Afternoon, "Complaints", 0.005)]);
        _harness.EmailChannel.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task SendAsync_ProviderRefuses_FailedAndTheQuotaReleased()
    {
        _harness.EmailChannel.Behaviour = ProviderBehaviour.Refuse;
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddMessageAsync(artist);
        var sut = _harness.SendOutreachMessage();

        var outcome = await sut.SendAsync(message.Id);
        var again = await sut.SendAsync(message.Id);

        outcome.ShouldBe(SendOutcome.Failed(Afternoon, SendPathReasons.ProviderRefused), new OutcomeComparer());
        again.ShouldBe(SendOutcome.Failed(Afternoon, SendPathReasons.ProviderRefused), new OutcomeComparer());
        _harness.EmailChannel.Calls.ShouldBe(1);
        var stored = (await _harness.Messages.GetAsync(message.Id))!;
        stored.Status.ShouldBe(MessageStatus.Failed);
        stored.ProviderMessageId.ShouldBeNull();
        var sender = await _harness.SenderAsync();
        sender.HeldToday.ShouldBe(0);
        sender.Stats.ShouldBe(new SenderStats(0, 0, 0));
        (await _harness.StandingAsync(artist.Id)).SentSince.ShouldBeEmpty();
        (await _harness.EventsAsync<OutreachSent>()).ShouldBeEmpty();
    }

    [Fact]
    public async Task SendAsync_ProviderUnavailable_ThrowsAndTheRetrySendsUnderTheSameQuota()
    {
        _harness.EmailChannel.Behaviour = ProviderBehaviour.Throw;
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddMessageAsync(artist);
        var sut = _harness.SendOutreachMessage();

        await Should.ThrowAsync<HttpRequestException>(() => sut.SendAsync(message.Id));
        _harness.EmailChannel.Behaviour = ProviderBehaviour.Accept;
        var retry = await sut.SendAsync(message.Id);

        retry.Kind.ShouldBe(SendOutcomeKind.Sent);
        (await _harness.SenderAsync()).HeldToday.ShouldBe(1);
        _harness.EmailChannel.Sent.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendAsync_NoAdapterForTheChannel_FailedNoChannel()
    {
        var artist = await _harness.AddArtistAsync();
        var seen = artist.ContactPoints[0].Provenance;
        artist = await _harness.Artists.SaveAsync(
            artist with { ContactPoints = [.. artist.ContactPoints, new ContactPoint(ContactChannel.WebPush, "{\"endpoint\":\"https://push.example/1\"}", LawfulBasis.Contract, false, seen)] }, [], []);
        var message = await _harness.AddMessageAsync(artist, channel: ContactChannel.WebPush);

        var outcome = await _harness.SendOutreachMessage().SendAsync(message.Id);

        outcome.ShouldBe(SendOutcome.Failed(Afternoon, SendPathReasons.NoChannel), new OutcomeComparer());
        (await _harness.SenderAsync("webpush:primary")).HeldToday.ShouldBe(0);
    }

    /// <summary>Outcomes are records with a list inside: compare the list by its items.</summary>
    private sealed class OutcomeComparer : IEqualityComparer<SendOutcome>
    {
        public bool Equals(SendOutcome? x, SendOutcome? y) =>
            x is not null && y is not null && x.Kind == y.Kind && x.At == y.At && x.NotBefore == y.NotBefore && x.Reasons.SequenceEqual(y.Reasons);

        public int GetHashCode(SendOutcome obj) => obj.Kind.GetHashCode();
    }
}

using Microsoft.DurableTask.Client;
using MonaSpark.Application.Outreach;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Sources;
using MonaSpark.TestKit;
using MonaSpark.Workflows.Journeys;
using Shouldly;
using Xunit;

namespace MonaSpark.Workflows.Tests;

/// <summary>
/// Every path of <c>LeadJourney</c> on the local durable engine, with the real activities and use
/// cases over SQLite: no mocked orchestration context. Waits are seconds (timers are real).
/// </summary>
public sealed class LeadJourneyTests : IAsyncLifetime
{
    private static readonly TimeSpan Unit = TimeSpan.FromMilliseconds(400);
    private readonly string directory = Path.Combine(Path.GetTempPath(), "monaspark-journey-" + Guid.NewGuid().ToString("N"));
    private readonly JourneyProviders providers = new();
    private JourneyHost host = null!;

    public async Task InitializeAsync() => host = await JourneyHost.StartAsync(directory, providers);

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact(Timeout = 60_000)]
    public async Task HappyPath_ClickSignupOnboardingPayment_PaysOnceAndSchedulesTheUpsell()
    {
        var artist = await SeedAsync("happy");
        await StartAsync(artist, LongWaits());

        await WaitForSentAsync(1);
        await SignalAsync(artist, JourneySignals.Clicked);
        await SignalAsync(artist, JourneySignals.SignedUp);
        await WaitForRunningAsync(JourneyIds.Onboarding(JourneyIds.For(artist.Value)));
        await SignalAsync(artist, JourneySignals.OnboardingCompleted);
        await WaitForRunningAsync(JourneyIds.Checkout(JourneyIds.For(artist.Value)));
        await WaitUntilAsync(() => !providers.Payments.Sessions.IsEmpty);
        await SignalAsync(artist, JourneySignals.PaymentSucceeded);

        var result = await CompletionAsync(artist);
        result.Outcome.ShouldBe(JourneyOutcomes.Paid);
        result.MessagesSent.ShouldBe(1);
        result.CheckoutId.ShouldBe("cs_1");
        providers.Payments.Voided.ShouldBeEmpty();
        var sent = providers.Email.Sent.ShouldHaveSingleItem();
        sent.Recipient.ShouldBe("booking@happy.example");
        sent.UnsubscribeUrl!.AbsoluteUri.ShouldStartWith("https://monaspark.example/u/");
        sent.Body.ShouldContain(sent.UnsubscribeUrl.AbsoluteUri);
        var events = await EventsAsync(artist);
        events.OfType<OutreachSent>().ShouldHaveSingleItem().MessageId.ShouldBe(sent.Id);
        events.OfType<CheckoutOpened>().ShouldHaveSingleItem().Currency.ShouldBe("EUR");
        events.OfType<UpsellEvaluationScheduled>().ShouldHaveSingleItem();
        events.OfType<JourneyEnded>().ShouldHaveSingleItem().Outcome.ShouldBe(JourneyOutcomes.Paid);
    }

    [Fact(Timeout = 60_000)]
    public async Task NoAnswer_SendsTheFirstContactAndEachFollowUpThenEndsWithNoResponse()
    {
        var artist = await SeedAsync("silent");

        await StartAsync(artist, JourneySchedule.Fast(Unit / 4));

        var result = await CompletionAsync(artist);
        result.Outcome.ShouldBe(JourneyOutcomes.NoResponse);
        result.MessagesSent.ShouldBe(2);
        providers.Email.Sent.Select(m => m.Id).ShouldBe([$"{JourneyIds.For(artist.Value)}:m0:Email", $"{JourneyIds.For(artist.Value)}:m1:Email"]);
        providers.Email.Sent.Last().VariantId.ShouldBe("followup");
    }

    [Fact(Timeout = 60_000)]
    public async Task OnboardingTimesOut_EndsAbandonedWithoutCheckout()
    {
        var artist = await SeedAsync("no-onboarding");
        await StartAsync(artist, LongWaits() with { OnboardingTimeout = Unit });

        await WaitForSentAsync(1);
        await SignalAsync(artist, JourneySignals.SignedUp);

        (await CompletionAsync(artist)).Outcome.ShouldBe(JourneyOutcomes.OnboardingAbandoned);
        providers.Payments.Sessions.ShouldBeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task CheckoutTimesOut_VoidsTheSession()
    {
        var artist = await SeedAsync("no-payment");
        await StartAsync(artist, LongWaits() with { CheckoutTimeout = Unit });

        await WaitForSentAsync(1);
        await SignalAsync(artist, JourneySignals.SignedUp);
        await WaitForRunningAsync(JourneyIds.Onboarding(JourneyIds.For(artist.Value)));
        await SignalAsync(artist, JourneySignals.OnboardingCompleted);

        var result = await CompletionAsync(artist);
        result.Outcome.ShouldBe(JourneyOutcomes.CheckoutAbandoned);
        providers.Payments.Voided.ShouldBe([result.CheckoutId!]);
        (await EventsAsync(artist)).OfType<CheckoutVoided>().ShouldHaveSingleItem().Reason.ShouldBe("timed-out");
    }

    [Fact(Timeout = 60_000)]
    public async Task OptOutWhileWaitingForAnAnswer_EndsTheJourneyAndSendsNoFollowUp()
    {
        var artist = await SeedAsync("stop");
        await StartAsync(artist, JourneySchedule.Fast(Unit));

        await WaitForSentAsync(1);
        await SignalAsync(artist, JourneySignals.OptedOut);

        var result = await CompletionAsync(artist);
        result.Outcome.ShouldBe(JourneyOutcomes.OptedOut);
        result.MessagesSent.ShouldBe(1);
        await Task.Delay(Unit * 8); // past every follow-up deadline: nothing more goes out
        providers.TotalSent.ShouldBe(1);
    }

    [Fact(Timeout = 60_000)]
    public async Task OptOutWhileASendIsDeferred_CancelsThePendingMessageAndNothingIsSent()
    {
        var artist = await SeedAsync("capped");
        var contacts = host.Get<IContactRegistry>();
        await contacts.RecordSendAsync(artist, "earlier-1", ContactChannel.Email, DateTimeOffset.UtcNow.AddHours(-2));
        await contacts.RecordSendAsync(artist, "earlier-2", ContactChannel.Email, DateTimeOffset.UtcNow.AddHours(-1));
        await StartAsync(artist, LongWaits());

        var messageId = $"{JourneyIds.For(artist.Value)}:m0:Email";
        await WaitUntilAsync(() => host.Get<IOutreachMessageStore>().GetAsync(messageId).GetAwaiter().GetResult() is not null);
        await Task.Delay(Unit); // the send was deferred by the frequency cap: the journey waits on a timer
        await SignalAsync(artist, JourneySignals.OptedOut);

        (await CompletionAsync(artist)).Outcome.ShouldBe(JourneyOutcomes.OptedOut);
        providers.TotalSent.ShouldBe(0);
        (await host.Get<IOutreachMessageStore>().GetAsync(messageId))!.Status.ShouldBe(MessageStatus.Cancelled);
        (await EventsAsync(artist)).OfType<OutreachCancelled>().ShouldHaveSingleItem().MessageId.ShouldBe(messageId);
    }

    [Fact(Timeout = 60_000)]
    public async Task OptOutDuringCheckout_VoidsTheSessionAndEndsOptedOut()
    {
        var artist = await SeedAsync("stop-at-checkout");
        await StartAsync(artist, LongWaits());
        await WaitForSentAsync(1);
        await SignalAsync(artist, JourneySignals.SignedUp);
        await WaitForRunningAsync(JourneyIds.Onboarding(JourneyIds.For(artist.Value)));
        await SignalAsync(artist, JourneySignals.OnboardingCompleted);
        await WaitUntilAsync(() => !providers.Payments.Sessions.IsEmpty);

        await SignalAsync(artist, JourneySignals.OptedOut);

        var result = await CompletionAsync(artist);
        result.Outcome.ShouldBe(JourneyOutcomes.OptedOut);
        providers.Payments.Voided.ShouldBe([result.CheckoutId!]);
    }

    [Fact(Timeout = 60_000)]
    public async Task ErasureDuringOnboarding_EndsErased()
    {
        var artist = await SeedAsync("erase");
        await StartAsync(artist, LongWaits());
        await WaitForSentAsync(1);
        await SignalAsync(artist, JourneySignals.SignedUp);
        await WaitForRunningAsync(JourneyIds.Onboarding(JourneyIds.For(artist.Value)));

        await SignalAsync(artist, JourneySignals.Erased);

        (await CompletionAsync(artist)).Outcome.ShouldBe(JourneyOutcomes.Erased);
        providers.Payments.Sessions.ShouldBeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task Reply_HandsTheArtistToAPersonAndStopsTheFollowUps()
    {
        var artist = await SeedAsync("reply");
        await StartAsync(artist, JourneySchedule.Fast(Unit));
        await WaitForSentAsync(1);

        await SignalAsync(artist, JourneySignals.Replied);

        (await CompletionAsync(artist)).Outcome.ShouldBe(JourneyOutcomes.Replied);
        providers.TotalSent.ShouldBe(1);
    }

    [Fact(Timeout = 60_000)]
    public async Task Bounce_RetriesTheStepOnTheNextChannel()
    {
        var artist = await SeedAsync("bounce", ContactChannel.Sms);
        await StartAsync(artist, LongWaits());
        await WaitForSentAsync(1);

        var bounced = providers.Email.Sent.ShouldHaveSingleItem();
        await SignalAsync(artist, JourneySignals.Bounced, messageId: bounced.Id);

        await WaitUntilAsync(() => providers.Sms.Sent.Count == 1);
        var sms = providers.Sms.Sent.Single();
        sms.Id.ShouldBe($"{JourneyIds.For(artist.Value)}:m0:Sms");
        sms.Recipient.ShouldBe("+33612345678");
        await SignalAsync(artist, JourneySignals.Replied);
        (await CompletionAsync(artist)).MessagesSent.ShouldBe(2);
    }

    [Fact(Timeout = 60_000)]
    public async Task ProviderRefusesTheFirstChannel_TheNextChannelCarriesTheMessage()
    {
        var artist = await SeedAsync("refused", ContactChannel.Sms);
        providers.Email.Behaviour = Behaviour.Refuse;
        await StartAsync(artist, JourneySchedule.Fast(Unit / 4) with { Steps = [new JourneyStep(null, Unit / 4)] });

        var result = await CompletionAsync(artist);
        result.Outcome.ShouldBe(JourneyOutcomes.NoResponse);
        providers.Email.Calls.ShouldBe(1);
        providers.Sms.Sent.ShouldHaveSingleItem();
        (await host.Get<IOutreachMessageStore>().GetAsync($"{JourneyIds.For(artist.Value)}:m0:Email"))!.Status.ShouldBe(MessageStatus.Failed);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendFailsEveryAttempt_TheQueueGivesUp_TheMessageFailsAndItsQuotaIsReleased()
    {
        var artist = await SeedAsync("send-fails");
        providers.Email.Behaviour = Behaviour.Throw;
        await StartAsync(artist, LongWaits());

        // The queue tries the send three times, then gives up: the message fails, its quota goes back,
        // and the journey, told through the journal, has no other channel left.
        var result = await CompletionAsync(artist);
        result.Outcome.ShouldBe(JourneyOutcomes.Unreachable);
        providers.Email.Calls.ShouldBe(3); // every attempt of the work queue
        (await host.Get<IOutreachMessageStore>().GetAsync($"{JourneyIds.For(artist.Value)}:m0:Email"))!.Status.ShouldBe(MessageStatus.Failed);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        (await host.Get<ISenderLedger>().GetAsync("email:primary", today, DateTimeOffset.UtcNow.AddDays(-1))).HeldToday.ShouldBe(0);
        var events = await EventsAsync(artist);
        events.OfType<OutreachFailed>().ShouldHaveSingleItem().Reason.ShouldBe(SendPathReasons.GaveUp);
        events.OfType<JourneyEnded>().ShouldHaveSingleItem().Outcome.ShouldBe(JourneyOutcomes.Unreachable);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendNeverReports_DispatchedAgainUpToItsLimit_ThenTheChannelIsGivenUp()
    {
        // Nobody takes the queue's items (a consumer down): each dispatch times out, and the journey moves on.
        await using var stalled = await JourneyHost.StartAsync(directory + "-stalled", providers, work: false);
        var seeded = Samples.Artist("stalled", DateTimeOffset.UtcNow, email: "booking@stalled.example");
        await stalled.Get<IArtistStore>().SaveAsync(seeded, [], [new ArtistDiscovered(seeded.Id.Value, DateTimeOffset.UtcNow, seeded.SourceRecordIds[0], SourceKind.Import)]);
        var artist = seeded.Id;
        var schedule = LongWaits() with { SendTimeout = TimeSpan.FromMilliseconds(300), MaxDispatches = 2 };
        await stalled.Journeys.StartAsync(artist.Value, "first-contact", schedule);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var metadata = await stalled.Client.WaitForInstanceCompletionAsync(JourneyIds.For(artist.Value), getInputsAndOutputs: true, timeout.Token);

        metadata.ReadOutputAs<JourneyResult>()!.Outcome.ShouldBe(JourneyOutcomes.Unreachable);
        (await stalled.Get<IWorkQueue>().GetDepthAsync()).ShouldBe(2); // #0 and #1, never taken
        providers.TotalSent.ShouldBe(0);
        Directory.Delete(directory + "-stalled", recursive: true);
    }

    [Fact(Timeout = 60_000)]
    public async Task DraftFailsEveryAttempt_EndsFailedWithNothingSent()
    {
        var artist = await SeedAsync("draft-fails");
        providers.Faults.FailDrafts = true;
        await StartAsync(artist, LongWaits());

        (await CompletionAsync(artist)).Outcome.ShouldBe(JourneyOutcomes.Failed);
        providers.TotalSent.ShouldBe(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task CheckoutCannotOpen_EndsFailed()
    {
        var artist = await SeedAsync("no-checkout");
        providers.Payments.OnCreate = Behaviour.Throw;
        await StartAsync(artist, LongWaits());
        await WaitForSentAsync(1);
        await SignalAsync(artist, JourneySignals.SignedUp);
        await WaitForRunningAsync(JourneyIds.Onboarding(JourneyIds.For(artist.Value)));
        await SignalAsync(artist, JourneySignals.OnboardingCompleted);

        (await CompletionAsync(artist)).Outcome.ShouldBe(JourneyOutcomes.Failed);
        providers.Payments.Voided.ShouldBeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task DuplicatedSignals_AreAppliedOnce()
    {
        var artist = await SeedAsync("twice");
        await StartAsync(artist, LongWaits());
        await WaitForSentAsync(1);

        await SignalAsync(artist, JourneySignals.Clicked);
        await SignalAsync(artist, JourneySignals.Clicked);
        await SignalAsync(artist, JourneySignals.SignedUp);
        await SignalAsync(artist, JourneySignals.SignedUp);
        await WaitForRunningAsync(JourneyIds.Onboarding(JourneyIds.For(artist.Value)));
        await SignalAsync(artist, JourneySignals.OnboardingCompleted);
        await SignalAsync(artist, JourneySignals.OnboardingCompleted);
        await WaitUntilAsync(() => !providers.Payments.Sessions.IsEmpty);
        await SignalAsync(artist, JourneySignals.PaymentSucceeded);
        await SignalAsync(artist, JourneySignals.PaymentSucceeded);

        var result = await CompletionAsync(artist);
        result.Outcome.ShouldBe(JourneyOutcomes.Paid);
        providers.Payments.Sessions.Count.ShouldBe(1);
        providers.TotalSent.ShouldBe(1);
        var events = await EventsAsync(artist);
        events.OfType<UpsellEvaluationScheduled>().ShouldHaveSingleItem();
        events.OfType<CheckoutOpened>().ShouldHaveSingleItem();
    }

    [Fact(Timeout = 60_000)]
    public async Task StartingTwice_RunsOneJourney()
    {
        var artist = await SeedAsync("once");

        (await host.Journeys.StartAsync(artist.Value, "first-contact", LongWaits())).ShouldBeTrue();
        (await host.Journeys.StartAsync(artist.Value, "first-contact", LongWaits())).ShouldBeFalse();

        await WaitForSentAsync(1);
        await SignalAsync(artist, JourneySignals.Replied);
        await CompletionAsync(artist);
        providers.TotalSent.ShouldBe(1);
        (await EventsAsync(artist)).OfType<JourneyStarted>().ShouldHaveSingleItem();
    }

    [Fact(Timeout = 60_000)]
    public async Task NoEligibleChannel_EndsUnreachableWithoutDrafting()
    {
        var artist = await SeedAsync("objected");
        await host.Get<IContactRegistry>().RecordOptOutAsync(artist, new Domain.Outreach.Policies.OptOut(null, DateTimeOffset.UtcNow), []);

        await StartAsync(artist, LongWaits());

        (await CompletionAsync(artist)).Outcome.ShouldBe(JourneyOutcomes.Unreachable);
        (await host.Get<IOutreachMessageStore>().ListByArtistAsync(artist)).ShouldBeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task PlanFails_EndsFailedWithNothingDraftedOrSent()
    {
        var artist = await SeedAsync("plan-fails");
        providers.Faults.FailStandings = true;

        await StartAsync(artist, LongWaits());

        (await CompletionAsync(artist)).Outcome.ShouldBe(JourneyOutcomes.Failed);
        (await host.Get<IOutreachMessageStore>().ListByArtistAsync(artist)).ShouldBeEmpty();
        providers.TotalSent.ShouldBe(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task DirectMessage_OnlyInsideAConversationTheArtistStarted()
    {
        // No e-mail, only an Instagram handle: without a conversation the artist started, no channel can reach them.
        var silent = await SeedAsync("dm-cold", emails: false, ContactChannel.DirectMessage);
        await StartAsync(silent, LongWaits());
        (await CompletionAsync(silent)).Outcome.ShouldBe(JourneyOutcomes.Unreachable);
        providers.DirectMessage.Calls.ShouldBe(0);

        // The artist wrote to us an hour ago: the DM window (24 h) is open.
        var talking = await SeedAsync("dm-warm", emails: false, ContactChannel.DirectMessage);
        await host.Get<IJournal>().AppendAsync([new MessageReceived(talking.Value, DateTimeOffset.UtcNow.AddHours(-1), ContactChannel.DirectMessage)]);
        await host.Get<Application.Projections.ProjectionRunner>().CatchUpAllAsync();
        await StartAsync(talking, LongWaits());

        await WaitUntilAsync(() => providers.DirectMessage.Sent.Count == 1);
        providers.DirectMessage.Sent.Single().Id.ShouldBe($"{JourneyIds.For(talking.Value)}:m0:DirectMessage");
        await SignalAsync(talking, JourneySignals.Replied);
        (await CompletionAsync(talking)).Outcome.ShouldBe(JourneyOutcomes.Replied);
    }

    private static JourneySchedule LongWaits() => JourneySchedule.Fast(TimeSpan.FromSeconds(20));

    private Task<ArtistId> SeedAsync(string key, params ContactChannel[] extra) => SeedAsync(key, emails: true, extra);

    private async Task<ArtistId> SeedAsync(string key, bool emails, params ContactChannel[] extra)
    {
        var artist = Samples.Artist(key, DateTimeOffset.UtcNow, email: $"booking@{key}.example");
        var provenance = artist.ContactPoints[0].Provenance;
        artist = artist with
        {
            ContactPoints = [.. emails ? artist.ContactPoints : [], .. extra.Select(c => new ContactPoint(c, Address(c, key), LawfulBasis.LegitimateInterest, true, provenance))],
        };
        await host.Get<IArtistStore>().SaveAsync(artist, [], [new ArtistDiscovered(artist.Id.Value, DateTimeOffset.UtcNow, artist.SourceRecordIds[0], SourceKind.Import)]);
        return artist.Id;
    }

    private static string Address(ContactChannel channel, string key) => channel switch
    {
        ContactChannel.Sms => "+33612345678",
        ContactChannel.DirectMessage => $"instagram:{key}",
        _ => $"{channel}@{key}",
    };

    private Task StartAsync(ArtistId artist, JourneySchedule schedule) =>
        host.Journeys.StartAsync(artist.Value, "first-contact", schedule);

    private Task SignalAsync(ArtistId artist, string kind, string? id = null, string? messageId = null) =>
        host.Journeys.SignalAsync(artist.Value, new JourneySignal(kind, id ?? $"{kind}-1", DateTimeOffset.UtcNow, messageId));

    private async Task<JourneyResult> CompletionAsync(ArtistId artist)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        var metadata = await host.Client.WaitForInstanceCompletionAsync(JourneyIds.For(artist.Value), getInputsAndOutputs: true, timeout.Token);
        metadata.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed, metadata.FailureDetails?.ToString());
        return metadata.ReadOutputAs<JourneyResult>().ShouldNotBeNull();
    }

    private Task WaitForSentAsync(int count) => WaitUntilAsync(() => providers.TotalSent >= count);

    private Task WaitForRunningAsync(string instanceId) =>
        WaitUntilAsync(() => host.Client.GetInstanceAsync(instanceId).GetAwaiter().GetResult() is { RuntimeStatus: OrchestrationRuntimeStatus.Running });

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        condition().ShouldBeTrue("the condition never came true");
    }

    private async Task<IReadOnlyList<DomainEvent>> EventsAsync(ArtistId artist)
    {
        var entries = await host.Get<IJournal>().ReadAsync(0, 10_000);
        return [.. entries.Select(e => e.Event).Where(e => e.StreamId == artist.Value)];
    }
}

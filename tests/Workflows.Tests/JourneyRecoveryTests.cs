using Microsoft.DurableTask.Client;
using MonaSpark.Application.Outreach;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Sources;
using MonaSpark.TestKit;
using MonaSpark.Workflows.Journeys;
using Shouldly;
using Xunit;

namespace MonaSpark.Workflows.Tests;

/// <summary>
/// Signals relayed from the journal (the answers, and the outcome of each queued send), and journeys
/// resumed from it after a restart of the host (the in-process engine forgets everything; the SQLite
/// files, the work queue and the providers do not). The relay runs by hand here.
/// </summary>
public sealed class JourneyRecoveryTests : IAsyncLifetime
{
    private static readonly JourneySchedule Schedule = JourneySchedule.Fast(TimeSpan.FromSeconds(20));
    private readonly string directory = Path.Combine(Path.GetTempPath(), "monaspark-recovery-" + Guid.NewGuid().ToString("N"));
    private readonly JourneyProviders providers = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact(Timeout = 60_000)]
    public async Task JournalEvents_DriveTheJourneyToPayment()
    {
        await using var host = await JourneyHost.StartAsync(directory, providers, relay: false);
        var artist = await SeedAsync(host, "journal");
        await host.Journeys.StartAsync(artist.Value, "first-contact", Schedule);
        var journal = host.Get<IJournal>();
        await WaitUntilAsync(() => Journalled<OutreachSent>(journal, artist) == 1);

        var relay = host.Get<JourneySignalRelay>();
        var now = DateTimeOffset.UtcNow;
        await journal.AppendAsync([new LinkClicked(artist.Value, now, providers.Email.Sent.Single().Id), new OnboardingStarted(artist.Value, now, "spark-monthly")]);
        (await relay.RelayAsync()).Raised.ShouldBe(3); // the queued send's outcome, the click, the signup
        await WaitUntilAsync(() => Running(host, JourneyIds.Onboarding(JourneyIds.For(artist.Value))));
        await journal.AppendAsync([new SignupCompleted(artist.Value, now, "spark-monthly", TimeSpan.FromSeconds(95))]);
        await relay.RelayAsync();
        await WaitUntilAsync(() => !providers.Payments.Sessions.IsEmpty);
        await journal.AppendAsync([new PaymentSucceeded(artist.Value, now, "sub_1", 1_900, "EUR")]);
        await relay.RelayAsync();

        (await CompletionAsync(host, artist)).Outcome.ShouldBe(JourneyOutcomes.Paid);
        (await relay.RelayAsync()).Raised.ShouldBe(0); // the journey's own end: nothing to signal
        (await relay.RelayAsync()).ShouldBe(new RelayResult(0, 0)); // caught up: the checkpoint moved on
    }

    [Fact(Timeout = 90_000)]
    public async Task Restart_ResumesTheJourneyWithoutSendingTwiceAndReplaysItsSignals()
    {
        ArtistId artist;
        await using (var first = await JourneyHost.StartAsync(directory, providers, relay: false))
        {
            artist = await SeedAsync(first, "restart");
            await first.Journeys.StartAsync(artist.Value, "first-contact", Schedule);
            await WaitUntilAsync(() => Journalled<OutreachSent>(first.Get<IJournal>(), artist) == 1);
            await first.Get<IJournal>().AppendAsync([new OnboardingStarted(artist.Value, DateTimeOffset.UtcNow, "spark-monthly")]);

            // The host stops before the relay ran: the journey never heard of the signup.
        }

        await using var second = await JourneyHost.StartAsync(directory, providers, relay: false);
        (await second.Get<JourneyRecovery>().ResumeAsync(Schedule)).ShouldBe(1);
        (await second.Get<JourneyRecovery>().ResumeAsync(Schedule)).ShouldBe(0); // already running
        await second.Get<JourneySignalRelay>().RelayAsync();
        await WaitUntilAsync(() => Running(second, JourneyIds.Onboarding(JourneyIds.For(artist.Value))));
        await second.Get<IJournal>().AppendAsync([new OptedOut(artist.Value, DateTimeOffset.UtcNow, null, "unsubscribe-page")]);
        await second.Get<JourneySignalRelay>().RelayAsync();

        (await CompletionAsync(second, artist)).Outcome.ShouldBe(JourneyOutcomes.OptedOut);
        providers.Email.Calls.ShouldBe(1); // the resumed send step found the message sent
        var events = (await second.Get<IJournal>().ReadAsync(0, 10_000)).Select(e => e.Event).Where(e => e.StreamId == artist.Value).ToList();
        events.OfType<OutreachSent>().ShouldHaveSingleItem();
        events.OfType<JourneyEnded>().ShouldHaveSingleItem().Outcome.ShouldBe(JourneyOutcomes.OptedOut);
    }

    private static async Task<ArtistId> SeedAsync(JourneyHost host, string key)
    {
        var artist = Samples.Artist(key, DateTimeOffset.UtcNow, email: $"booking@{key}.example");
        await host.Get<IArtistStore>().SaveAsync(artist, [], [new ArtistDiscovered(artist.Id.Value, DateTimeOffset.UtcNow, artist.SourceRecordIds[0], SourceKind.Import)]);
        return artist.Id;
    }

    private static int Journalled<T>(IJournal journal, ArtistId artist)
        where T : DomainEvent =>
        journal.ReadAsync(0, 10_000).GetAwaiter().GetResult().Count(e => e.Event is T && e.Event.StreamId == artist.Value);

    private static bool Running(JourneyHost host, string instanceId) =>
        host.Client.GetInstanceAsync(instanceId).GetAwaiter().GetResult() is { RuntimeStatus: OrchestrationRuntimeStatus.Running };

    private static async Task<JourneyResult> CompletionAsync(JourneyHost host, ArtistId artist)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        var metadata = await host.Client.WaitForInstanceCompletionAsync(JourneyIds.For(artist.Value), getInputsAndOutputs: true, timeout.Token);
        metadata.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed, metadata.FailureDetails?.ToString());
        return metadata.ReadOutputAs<JourneyResult>().ShouldNotBeNull();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        condition().ShouldBeTrue("the condition never came true");
    }
}

using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using MonaSpark.Adapters.Azure;
using MonaSpark.Application.Ingestion;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;
using MonaSpark.Functions.Orchestrations;
using MonaSpark.Functions.Triggers;
using MonaSpark.Workflows.Scoring;
using Shouldly;
using Xunit;

namespace MonaSpark.Functions.Tests;

/// <summary>The function classes resolved from the app's container and their trigger methods called with real inputs, against Azurite.</summary>
public sealed class FunctionsAppTests(FunctionsAppFixture app) : IClassFixture<FunctionsAppFixture>
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(50);

    [Fact(Timeout = 60_000)]
    public async Task Container_EveryFunctionClass_Resolves()
    {
        await using var scope = app.Host.Services.CreateAsyncScope();

        FunctionsAppFixture.FunctionClasses.Count.ShouldBeGreaterThanOrEqualTo(14);
        foreach (var type in FunctionsAppFixture.FunctionClasses)
        {
            scope.ServiceProvider.GetRequiredService(type).ShouldNotBeNull(type.Name);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task ProcessWorkItem_MessagesTheAdapterWrote_StoreTheArtistAndScoreIt()
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var landed = await services.GetRequiredService<RecordIngestion>().IngestAsync(SourceKind.Import, Records.Import("queue-luna"), timeout.Token);
        var sut = services.GetRequiredService<ProcessWorkItem>();

        // The record's processing message, as the runtime would deliver it: decoded body, id, dequeue count.
        await RunNextMessageAsync(sut, $"process:{landed.SourceRecordId}", timeout.Token);

        var artistId = ArtistId.ForSource(SourceKind.Import, "queue-luna");
        var artist = (await services.GetRequiredService<IArtistStore>().GetAsync(artistId, timeout.Token)).ShouldNotBeNull();
        artist.Name.Value.ShouldBe("Artist queue-luna");
        (await services.GetRequiredService<ISourceRecordStore>().GetAsync(landed.SourceRecordId, timeout.Token))!.Status.ShouldBe(SourceRecordStatus.Accepted);

        // Processing queued the scoring, which the same trigger runs.
        await RunNextMessageAsync(sut, $"score:{artistId}:{artist.Version}", timeout.Token);
        (await services.GetRequiredService<ILeadStore>().GetAsync(artistId, timeout.Token))!.Score.ShouldNotBeNull();
    }

    [Theory(Timeout = 60_000)]
    [InlineData("{not json")]
    [InlineData("""{"id":"x-1","kind":"process-record"}""")]
    [InlineData("")]
    public async Task ProcessWorkItem_MessageIsNotAWorkItem_DeadLettersItWithoutThrowing(string message)
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var sut = scope.ServiceProvider.GetRequiredService<ProcessWorkItem>();
        var messageId = Guid.NewGuid().ToString();

        await sut.RunAsync(message, messageId, 1, timeout.Token);

        var deadLetters = await scope.ServiceProvider.GetRequiredService<IWorkQueue>().ListDeadLettersAsync(1000, timeout.Token);
        var letter = deadLetters.Where(d => d.Item.Id == messageId).ShouldHaveSingleItem();
        letter.Item.Kind.ShouldBe("unreadable");
        letter.Reason.ShouldStartWith("The message body is not a work item");
        letter.Attempts.ShouldBe(1);
    }

    [Fact(Timeout = 60_000)]
    public async Task ProcessWorkItem_UnknownKind_DeadLettersAtOnce()
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var sut = scope.ServiceProvider.GetRequiredService<ProcessWorkItem>();
        var itemId = $"nope:{Guid.NewGuid():N}";

        await sut.RunAsync($$"""{"id":"{{itemId}}","kind":"nope","subjectId":"s-1"}""", "m-1", 1, timeout.Token);

        var deadLetters = await scope.ServiceProvider.GetRequiredService<IWorkQueue>().ListDeadLettersAsync(1000, timeout.Token);
        deadLetters.Where(d => d.Item.Id == itemId).ShouldHaveSingleItem().Reason.ShouldContain("No handler for work kind 'nope'");
    }

    [Fact(Timeout = 60_000)]
    public async Task SyncSpotify_ConnectorWithItsKey_LandsItsRecordsAndQueuesTheirProcessing()
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var records = new[] { Records.Import("timer-a"), Records.Import("timer-b") };
        app.SpotifyConnector.Serve(records);
        app.Connector.Serve(Records.Import("timer-import"));
        var importFetches = app.Connector.Fetches;
        var sut = scope.ServiceProvider.GetRequiredService<SyncSpotify>();

        await sut.RunAsync(new TimerInfo(), timeout.Token);

        var store = scope.ServiceProvider.GetRequiredService<ISourceRecordStore>();
        foreach (var raw in records)
        {
            var record = await store.GetAsync(SourceRecord.IdFor(SourceKind.Spotify, raw.ExternalId, raw.Payload), timeout.Token);
            record.ShouldNotBeNull(raw.ExternalId).Status.ShouldBe(SourceRecordStatus.Pending);
        }

        // Only the connector with the timer's key ran.
        app.Connector.Fetches.ShouldBe(importFetches);
        var other = Records.Import("timer-import");
        (await store.GetAsync(SourceRecord.IdFor(SourceKind.Import, other.ExternalId, other.Payload), timeout.Token)).ShouldBeNull();

        var queue = QueueClient();
        var bodies = (await queue.PeekMessagesAsync(32, timeout.Token)).Value.Select(m => m.Body.ToString()).ToList();
        bodies.Count(b => b.Contains("\"kind\":\"process-record\"", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(typeof(SyncYouTube), "youtube")]
    [InlineData(typeof(SyncSoundCloud), "soundcloud")]
    [InlineData(typeof(SyncInstagram), "instagram")]
    [InlineData(typeof(SyncWeb), "web")]
    public async Task SourceTimer_NoConnectorWithItsKey_FetchesNothing(Type function, string key)
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var (import, spotify) = (app.Connector.Fetches, app.SpotifyConnector.Fetches);
        var sut = scope.ServiceProvider.GetRequiredService(function);

        function.GetField("ConnectorKey")!.GetValue(null).ShouldBe(key);
        await (Task)function.GetMethod("RunAsync")!.Invoke(sut, [new TimerInfo(), timeout.Token])!;

        app.Connector.Fetches.ShouldBe(import);
        app.SpotifyConnector.Fetches.ShouldBe(spotify);
    }

    [Fact(Timeout = 60_000)]
    public async Task PublishJournal_EventHubsNotConfigured_DoesNothing()
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var journal = scope.ServiceProvider.GetRequiredService<IJournal>();
        var head = await journal.GetHeadAsync(timeout.Token);
        var sut = scope.ServiceProvider.GetRequiredService<PublishJournal>();

        await sut.RunAsync(new TimerInfo(), timeout.Token);

        scope.ServiceProvider.GetService<EventHubsJournalPublisher>().ShouldBeNull();
        (await journal.GetHeadAsync(timeout.Token)).ShouldBe(head);
    }

    [Fact(Timeout = 60_000)]
    public async Task ScoreArtistActivity_StoredArtist_ScoresIt()
    {
        using var timeout = new CancellationTokenSource(Budget);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var artist = await StoreArtistAsync(services, "activity-mira", timeout.Token);
        var sut = services.GetRequiredService<ScoreArtist>();

        var key = await sut.RunAsync(new ScoreArtistRequest(artist.Value, ScoreArtistRequest.KeyFor("inst-1", artist.Value)), timeout.Token);

        key.ShouldBe($"inst-1:score:{artist}");
        (await services.GetRequiredService<ILeadStore>().GetAsync(artist, timeout.Token))!.Score.ShouldNotBeNull();
    }

    /// <summary>Lands a record and runs its processing message, leaving the artist stored and its scoring queued.</summary>
    internal async Task<ArtistId> StoreArtistAsync(IServiceProvider services, string key, CancellationToken cancellationToken)
    {
        var landed = await services.GetRequiredService<RecordIngestion>().IngestAsync(SourceKind.Import, Records.Import(key), cancellationToken);
        await RunNextMessageAsync(services.GetRequiredService<ProcessWorkItem>(), $"process:{landed.SourceRecordId}", cancellationToken);
        return ArtistId.ForSource(SourceKind.Import, key);
    }

    /// <summary>Receives the message for <paramref name="itemId"/> and runs the trigger on it, deleting it on success as the runtime does.</summary>
    private async Task RunNextMessageAsync(ProcessWorkItem sut, string itemId, CancellationToken cancellationToken)
    {
        var queue = QueueClient();
        var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30), cancellationToken)).Value;
        var message = messages.Where(m => m.Body.ToString().Contains($"\"id\":\"{itemId}\"", StringComparison.Ordinal)).ShouldHaveSingleItem();
        foreach (var other in messages.Where(m => m != message))
        {
            await queue.UpdateMessageAsync(other.MessageId, other.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
        }

        await sut.RunAsync(message.Body.ToString(), message.MessageId, message.DequeueCount, cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }

    private QueueClient QueueClient() => app.Host.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(app.WorkQueueName);
}

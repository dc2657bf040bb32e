using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Messaging.EventHubs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Adapters.Azure.Journal;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Domain.Events;
using MonaSpark.TestKit;
using NSubstitute;
using Shouldly;

namespace MonaSpark.Adapters.Azure.Tests;

/// <summary>The publisher over the real Table Storage journal and checkpoint table (Azurite), sending to a substitute producer.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EventHubsJournalPublisherTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly IOptions<AzureStorageOptions> _storage = AzuriteFixture.NewOptions();
    private readonly IOptions<EventHubsOptions> _options = Options.Create(new EventHubsOptions { FullyQualifiedNamespace = "test.servicebus.windows.net" });
    private readonly FakeTimeProvider _time = new(Samples.Epoch);
    private TableStorageJournal _journal = null!;

    public Task InitializeAsync()
    {
        _journal = new TableStorageJournal(azurite.Tables, _storage, _time);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => azurite.DeleteAsync(_storage);

    [Fact(Timeout = 30_000)]
    public async Task PublishPendingAsync_Entries_BodyIsTheJournalJsonWithProperties()
    {
        await _journal.AppendAsync([Clicked("art-1", 1), new OptedOut("art-2", Samples.Epoch, null, "link")]);
        var hub = new FakeEventHub();

        var sent = await Sut(hub).PublishPendingAsync(100);

        sent.ShouldBe(2);
        var events = hub.SentEvents.ToList();
        events.Count.ShouldBe(2);
        for (var position = 1L; position <= 2; position++)
        {
            var data = events[(int)position - 1];
            var row = (await (await JournalTableAsync()).GetEntityAsync<TableEntity>(JournalTable.EventsPartition, position.ToString("D19", CultureInfo.InvariantCulture))).Value;
            Encoding.UTF8.GetString(data.EventBody.ToArray()).ShouldBe(LargeText.Read(row, "Event"));
            data.ContentType.ShouldBe("application/json");
            data.MessageId.ShouldBe(position.ToString(CultureInfo.InvariantCulture));
            data.Properties["position"].ShouldBe(position);
            data.Properties["type"].ShouldBe(row.GetString("EventType"));
            data.Properties["streamId"].ShouldBe(row.GetString("StreamId"));
        }

        events[1].Properties["type"].ShouldBe(nameof(OptedOut));
        hub.Sent.Select(b => b.PartitionKey).ShouldBe(["art-1", "art-2"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task PublishPendingAsync_MoreThanABatchHolds_SplitsPerPartitionKeyAtTheSizeLimit()
    {
        // Interleaved streams; every body has the same size, and a batch holds two and a half of them.
        await _journal.AppendAsync([Clicked("art-a", 1), Clicked("art-b", 2), Clicked("art-a", 3), Clicked("art-a", 4), Clicked("art-b", 5), Clicked("art-a", 6), Clicked("art-a", 7)]);
        var one = FakeEventHub.Size(EventHubsJournalMessage.Create(new(1, Clicked("art-a", 1))));
        var hub = new FakeEventHub(maxBatchBytes: (one * 5) / 2);
        var sut = Sut(hub);

        var sent = await sut.PublishPendingAsync(100);

        sent.ShouldBe(7);
        hub.Sent.Select(b => (b.PartitionKey, string.Join(",", b.Positions))).ShouldBe(
        [
            ("art-a", "1,3"), ("art-a", "4,6"), ("art-a", "7"),
            ("art-b", "2,5"),
        ]);
        hub.Sent.ShouldAllBe(b => b.Events.Sum(FakeEventHub.Size) <= one * 5 / 2);
        foreach (var batch in hub.Sent)
        {
            batch.Events.ShouldAllBe(e => (string)e.Properties["streamId"] == batch.PartitionKey);
        }

        (await CheckpointAsync()).Position.ShouldBe(7);
        (await sut.PublishPendingAsync(100)).ShouldBe(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task PublishPendingAsync_EventLargerThanABatch_ThrowsAndKeepsTheCheckpoint()
    {
        await _journal.AppendAsync([Clicked("art-1", 1), Clicked("art-2", 2)]);
        var hub = new FakeEventHub(maxBatchBytes: 64);

        var failure = await Should.ThrowAsync<InvalidOperationException>(() => Sut(hub).PublishPendingAsync(100));

        failure.Message.ShouldContain("Journal entry 1 (LinkClicked) is larger than one Event Hubs batch holds (64 bytes)");
        hub.Sent.ShouldBeEmpty();
        (await CheckpointAsync()).Position.ShouldBe(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task PublishPendingAsync_SendFails_CheckpointUnchangedAndTheNextRunResends()
    {
        await _journal.AppendAsync([Clicked("art-1", 1), Clicked("art-1", 2)]);
        var hub = new FakeEventHub { FailNextSends = 1 };
        var sut = Sut(hub);

        await Should.ThrowAsync<EventHubsException>(() => sut.PublishPendingAsync(100));

        hub.Sent.ShouldBeEmpty();
        (await CheckpointAsync()).Position.ShouldBe(0);
        (await sut.PublishPendingAsync(100)).ShouldBe(2);
        hub.Sent.ShouldHaveSingleItem().Positions.ShouldBe([1L, 2L]);
        (await CheckpointAsync()).Position.ShouldBe(2);
    }

    [Fact(Timeout = 30_000)]
    public async Task PublishPendingAsync_FailsAfterSomeBatches_NextRunResendsOnlyTheUnacknowledgedBatch()
    {
        // art-a's batch (1, 3) is acknowledged, art-b's (2) fails: the checkpoint stays at 1 with 3 recorded as sent.
        await _journal.AppendAsync([Clicked("art-a", 1), Clicked("art-b", 2), Clicked("art-a", 3), Clicked("art-c", 4)]);
        var hub = new FakeEventHub { FailWhen = b => b.PartitionKey == "art-b" };
        var sut = Sut(hub);

        await Should.ThrowAsync<EventHubsException>(() => sut.PublishPendingAsync(100));

        hub.Sent.Select(b => string.Join(",", b.Positions)).ShouldBe(["1,3"]);
        var checkpoint = await CheckpointAsync();
        checkpoint.Position.ShouldBe(1);
        checkpoint.DoneAbove.ShouldBe([3L], ignoreOrder: true);

        hub.FailWhen = null;
        (await sut.PublishPendingAsync(100)).ShouldBe(2);
        hub.Sent.Select(b => string.Join(",", b.Positions)).ShouldBe(["1,3", "2", "4"]);
        checkpoint = await CheckpointAsync();
        checkpoint.Position.ShouldBe(4);
        checkpoint.DoneAbove.ShouldBeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task PublishPendingAsync_MaxEvents_SendsThatManyAndTheNextRunTheRest()
    {
        await _journal.AppendAsync([.. Enumerable.Range(1, 5).Select(i => Clicked("art-1", i))]);
        var hub = new FakeEventHub();
        var sut = Sut(hub);

        (await sut.PublishPendingAsync(3)).ShouldBe(3);
        (await CheckpointAsync()).Position.ShouldBe(3);
        (await sut.PublishPendingAsync(3)).ShouldBe(2);

        hub.SentEvents.Select(e => (long)e.Properties["position"]).ShouldBe([1L, 2L, 3L, 4L, 5L]);
    }

    [Fact(Timeout = 30_000)]
    public async Task PublishPendingAsync_EmptyJournal_SendsNothing()
    {
        var hub = new FakeEventHub();

        (await Sut(hub).PublishPendingAsync(10)).ShouldBe(0);

        hub.Sent.ShouldBeEmpty();
        await hub.Producer.DidNotReceiveWithAnyArgs().CreateBatchAsync(default!, default);
    }

    private EventHubsJournalPublisher Sut(FakeEventHub hub) =>
        new(_journal, hub.Producer, azurite.Tables, _storage, _options, _time, NullLogger<EventHubsJournalPublisher>.Instance);

    private static LinkClicked Clicked(string artist, int n) => new(artist, Samples.Epoch, $"msg-{n:D3}");

    private async Task<TableClient> JournalTableAsync() => await new StorageTables(azurite.Tables, _storage).GetAsync(TableNames.Journal, CancellationToken.None);

    private Task<JournalCheckpoint> CheckpointAsync() =>
        new JournalCheckpoints(new StorageTables(azurite.Tables, _storage), _time).GetAsync(_options.Value.CheckpointName, CancellationToken.None);
}

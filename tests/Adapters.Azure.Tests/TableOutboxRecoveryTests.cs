using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Sources;
using MonaSpark.TestKit;
using Shouldly;

namespace MonaSpark.Adapters.Azure.Tests;

/// <summary>A save that stops between committing its state and draining its events (ADR-002).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableOutboxRecoveryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly IOptions<AzureStorageOptions> _options = AzuriteFixture.NewOptions();
    private readonly FakeTimeProvider _time = new(Samples.Epoch);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => azurite.DeleteAsync(_options);

    [Fact(Timeout = 30_000)]
    public async Task SaveAsync_CrashBeforeDrain_CommitsStateAndLeavesOutboxRows()
    {
        var (artist, _) = await SaveThenCrashBeforeDrainAsync();

        var restarted = new TableStorageArtistStore(azurite.Tables, _options, _time);
        (await restarted.GetAsync(artist.Id)).ShouldNotBeNull().Version.ShouldBe(1);
        (await OutboxRowsAsync(artist.Id)).Count.ShouldBe(2);
    }

    [Fact(Timeout = 30_000)]
    public async Task ReadAsync_AfterCrashBeforeDrain_AppendsTheEventsExactlyOnce()
    {
        var (artist, events) = await SaveThenCrashBeforeDrainAsync();
        var journal = new TableStorageJournal(azurite.Tables, _options, _time);

        var first = await journal.ReadAsync(0, 100);
        var second = await journal.ReadAsync(0, 100);

        first.Select(e => e.Event).ShouldBe(events);
        first.Select(e => e.Position).ShouldBe([1L, 2L]);
        second.Select(e => e.Position).ShouldBe([1L, 2L]);
        (await journal.GetHeadAsync()).ShouldBe(2);
        (await OutboxRowsAsync(artist.Id)).ShouldBeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task DrainOutboxAsync_ConcurrentRecoverers_AppendOnce()
    {
        var (_, events) = await SaveThenCrashBeforeDrainAsync();
        var journals = Enumerable.Range(0, 4).Select(_ => new TableStorageJournal(azurite.Tables, _options, _time)).ToList();

        await Task.WhenAll(journals.Select(j => Task.Run(() => j.DrainOutboxAsync())));

        (await journals[0].ReadAsync(0, 100)).Select(e => e.Event).ShouldBe(events);
    }

    [Fact(Timeout = 30_000)]
    public async Task GetHeadAsync_AfterCrashBeforeDrain_IncludesTheCommittedEvents()
    {
        await SaveThenCrashBeforeDrainAsync();
        var journal = new TableStorageJournal(azurite.Tables, _options, _time);

        (await journal.GetHeadAsync()).ShouldBe(2);
        (await journal.AppendAsync([new LinkClicked("art-x", Samples.Epoch, "msg-1")])).ShouldBe(3);
    }

    [Fact(Timeout = 30_000)]
    public async Task SaveAsync_MoreRowsThanOneTransaction_FailsClearlyAndWritesNothing()
    {
        var sut = new TableStorageArtistStore(azurite.Tables, _options, _time);
        var artist = Samples.Artist();
        var snapshots = Enumerable.Range(0, 100).Select(i => new MetricSnapshot(artist.Id, SourceKind.Spotify, Samples.Epoch.AddDays(-i), i)).ToList();

        var failure = await Should.ThrowAsync<InvalidOperationException>(() => sut.SaveAsync(artist, snapshots, []));

        failure.Message.ShouldContain("at most 100");
        (await sut.GetAsync(artist.Id)).ShouldBeNull();
        (await sut.FindByProfileAsync(SourceKind.Spotify, "sp-luna")).ShouldBeNull();
    }

    private async Task<(Artist Artist, DomainEvent[] Events)> SaveThenCrashBeforeDrainAsync()
    {
        var sut = new TableStorageArtistStore(azurite.Tables, _options, _time);
        sut.Outbox.BeforeDrainForTests = _ => throw new IOException("simulated crash between commit and drain");
        var artist = Samples.Artist();
        DomainEvent[] events =
        [
            new ArtistDiscovered(artist.Id.Value, Samples.Epoch, "src-luna", SourceKind.Import),
            new MetricsObserved(artist.Id.Value, Samples.Epoch, SourceKind.Spotify, 1200, Samples.Epoch.AddDays(-1)),
        ];

        await Should.ThrowAsync<IOException>(() => sut.SaveAsync(artist, [], events));
        return (artist, events);
    }

    private async Task<List<TableEntity>> OutboxRowsAsync(ArtistId id)
    {
        var table = azurite.Tables.GetTableClient(_options.Value.TablePrefix + TableNames.Artists);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id.Value} and RowKey ge {"outbox|"} and RowKey lt {"outbox|~"}");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }

        return rows;
    }
}

using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Adapters.Azure.Journal;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;
using MonaSpark.TestKit;
using Shouldly;

namespace MonaSpark.Adapters.Azure.Tests;

/// <summary>The checkpoint table against Azurite, and the position arithmetic.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class JournalCheckpointsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Name = "ns.servicebus.windows.net/journal";
    private readonly IOptions<AzureStorageOptions> _options = AzuriteFixture.NewOptions();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => azurite.DeleteAsync(_options);

    [Fact(Timeout = 30_000)]
    public async Task GetAsync_NeverSaved_ReturnsTheStart()
    {
        var checkpoint = await Sut().GetAsync(Name, CancellationToken.None);

        checkpoint.Position.ShouldBe(0);
        checkpoint.DoneAbove.ShouldBeEmpty();
        checkpoint.ETag.ShouldBeNull();
    }

    [Fact(Timeout = 30_000)]
    public async Task SaveAsync_ThenGet_RoundTripsPositionAndDoneAbove()
    {
        var sut = Sut();
        var start = await sut.GetAsync(Name, CancellationToken.None);

        var saved = await sut.SaveAsync(Name, start, start with { Position = 41, DoneAbove = new HashSet<long> { 44, 43 } }, CancellationToken.None);
        var moved = await sut.SaveAsync(Name, saved, saved with { Position = 44, DoneAbove = new HashSet<long>() }, CancellationToken.None);

        var read = await Sut().GetAsync(Name, CancellationToken.None);
        read.Position.ShouldBe(44);
        read.DoneAbove.ShouldBeEmpty();
        read.ETag.ShouldBe(moved.ETag);
        (await Sut().GetAsync("other", CancellationToken.None)).Position.ShouldBe(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task SaveAsync_RowMovedSinceRead_ThrowsConcurrencyException()
    {
        var sut = Sut();
        var start = await sut.GetAsync(Name, CancellationToken.None);
        var first = await sut.SaveAsync(Name, start, start with { Position = 5 }, CancellationToken.None);
        await sut.SaveAsync(Name, first, first with { Position = 6 }, CancellationToken.None);

        await Should.ThrowAsync<ConcurrencyException>(() => sut.SaveAsync(Name, first, first with { Position = 7 }, CancellationToken.None));
        await Should.ThrowAsync<ConcurrencyException>(() => sut.SaveAsync(Name, start, start with { Position = 7 }, CancellationToken.None));
        (await sut.GetAsync(Name, CancellationToken.None)).Position.ShouldBe(6);
    }

    [Fact(Timeout = 30_000)]
    public async Task SaveAsync_Backwards_Throws()
    {
        var sut = Sut();
        var start = await sut.GetAsync(Name, CancellationToken.None);
        var saved = await sut.SaveAsync(Name, start, start with { Position = 5 }, CancellationToken.None);

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => sut.SaveAsync(Name, saved, saved with { Position = 4 }, CancellationToken.None));
    }

    [Theory]
    [InlineData(0, "", "1,2,3,4", "1,2", 2, "")]
    [InlineData(0, "", "1,2,3,4", "2,4", 0, "2,4")]
    [InlineData(0, "2,4", "1,2,3,4", "1", 2, "4")]
    [InlineData(0, "2,4", "1,2,3,4", "3,1", 4, "")]
    [InlineData(2, "4", "3,4,5", "", 2, "4")]
    [InlineData(2, "3,4", "3,4,5", "", 4, "")]
    public void With_DoneEntries_MovesPositionOverTheDonePrefixOnly(long position, string doneAbove, string page, string done, long expectedPosition, string expectedAbove)
    {
        var sut = new JournalCheckpoint(position, Longs(doneAbove).ToHashSet(), null);

        var next = sut.With(Longs(done), Longs(page));

        next.Position.ShouldBe(expectedPosition);
        next.DoneAbove.Order().ShouldBe(Longs(expectedAbove));
    }

    private static List<long> Longs(string csv) => csv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();

    private JournalCheckpoints Sut() => new(new StorageTables(azurite.Tables, _options), new FakeTimeProvider(Samples.Epoch));
}

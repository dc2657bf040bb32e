using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Sources;
using Shouldly;
using Xunit;

namespace MonaSpark.TestKit;

/// <summary>The behaviour every <see cref="ISourceRecordStore"/> adapter must show.</summary>
public abstract class SourceRecordStoreContract : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = new(Samples.Epoch);

    private ISourceRecordStore? _sut;
    private IJournal? _journal;

    protected ISourceRecordStore Sut => _sut ?? throw new InvalidOperationException("Not initialised.");

    protected IJournal Journal => _journal ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<(ISourceRecordStore Store, IJournal Journal)> CreateAsync(TimeProvider time);

    public async Task InitializeAsync() => (_sut, _journal) = await CreateAsync(Time);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static SourceRecord Record(string externalId, string payload) =>
        new(SourceRecord.IdFor(SourceKind.Import, externalId, payload), SourceKind.Import, externalId, payload, Samples.Epoch);

    [Fact]
    public async Task AddAsync_New_StoresPayloadUnchangedAndAppendsEvent()
    {
        var record = Record("a", "{\"id\":\"a\",\"name\":\"Ä <b>&</b> \\u0000\"}");

        (await Sut.AddAsync(record, [new SourceRecordIngested(record.Id, Samples.Epoch, record.Id, SourceKind.Import)])).ShouldBeTrue();

        var loaded = await Sut.GetAsync(record.Id);
        loaded.ShouldBe(record);
        (await Journal.AllEventsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task AddAsync_Duplicate_ReturnsFalseAndWritesNothing()
    {
        var record = Record("a", "{}");
        await Sut.AddAsync(record, [new SourceRecordIngested(record.Id, Samples.Epoch, record.Id, SourceKind.Import)]);

        (await Sut.AddAsync(record, [new SourceRecordIngested(record.Id, Samples.Epoch, record.Id, SourceKind.Import)])).ShouldBeFalse();

        (await Journal.AllEventsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task AddAsync_LargePayload_RoundTrips()
    {
        // Larger than one Azure Table string property (64 KiB) and with multi-byte characters.
        var payload = "{\"bio\":\"" + string.Concat(Enumerable.Repeat("é☃ data ", 12_000)) + "\"}";
        var record = Record("big", payload);

        await Sut.AddAsync(record, []);

        (await Sut.GetAsync(record.Id))!.Payload.ShouldBe(payload);
    }

    [Fact]
    public async Task GetAsync_Missing_ReturnsNull() => (await Sut.GetAsync("src-missing")).ShouldBeNull();

    [Fact]
    public async Task SetStatusAsync_ChangesStatusAndCounts()
    {
        var a = Record("a", "{}");
        var b = Record("b", "{}");
        var c = Record("c", "{}");
        foreach (var r in new[] { a, b, c })
        {
            await Sut.AddAsync(r, []);
        }

        await Sut.SetStatusAsync(a.Id, SourceRecordStatus.Accepted);
        await Sut.SetStatusAsync(b.Id, SourceRecordStatus.Quarantined);

        (await Sut.GetAsync(a.Id))!.Status.ShouldBe(SourceRecordStatus.Accepted);
        var counts = await Sut.CountBySourceAndStatusAsync();
        counts.ShouldBe(
            [
                new SourceRecordCount(SourceKind.Import, SourceRecordStatus.Accepted, 1),
                new SourceRecordCount(SourceKind.Import, SourceRecordStatus.Pending, 1),
                new SourceRecordCount(SourceKind.Import, SourceRecordStatus.Quarantined, 1),
            ],
            ignoreOrder: true);
    }

    [Fact]
    public async Task CountBySourceAndStatusAsync_Empty_HasNoCounts() =>
        (await Sut.CountBySourceAndStatusAsync()).ShouldBeEmpty();

    [Fact]
    public async Task CountBySourceAndStatusAsync_SeparatesSources()
    {
        var spotify = new SourceRecord(SourceRecord.IdFor(SourceKind.Spotify, "s", "{}"), SourceKind.Spotify, "s", "{}", Samples.Epoch);
        await Sut.AddAsync(spotify, []);
        await Sut.AddAsync(Record("a", "{}"), []);
        await Sut.AddAsync(Record("b", "{}"), []);

        (await Sut.CountBySourceAndStatusAsync()).ShouldBe(
            [new SourceRecordCount(SourceKind.Import, SourceRecordStatus.Pending, 2), new SourceRecordCount(SourceKind.Spotify, SourceRecordStatus.Pending, 1)],
            ignoreOrder: true);
    }
}

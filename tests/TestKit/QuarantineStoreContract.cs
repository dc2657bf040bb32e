using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Sources;
using Shouldly;
using Xunit;

namespace MonaSpark.TestKit;

/// <summary>The behaviour every <see cref="IQuarantineStore"/> adapter must show.</summary>
public abstract class QuarantineStoreContract : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = new(Samples.Epoch);

    private IQuarantineStore? _sut;
    private IJournal? _journal;

    protected IQuarantineStore Sut => _sut ?? throw new InvalidOperationException("Not initialised.");

    protected IJournal Journal => _journal ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<(IQuarantineStore Store, IJournal Journal)> CreateAsync(TimeProvider time);

    public async Task InitializeAsync() => (_sut, _journal) = await CreateAsync(Time);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static QuarantinedRecord Bad(string id, DateTimeOffset at, params string[] codes) => new(
        id,
        SourceKind.Import,
        $"ext-{id}",
        "{\"name\": 42, \"x\": \"<script>alert(1)</script>\"}",
        codes.Select(c => new ValidationFailure("$.name", c, $"reason {c}")).ToList(),
        at);

    [Fact]
    public async Task AddAsync_KeepsPayloadAndEveryReason()
    {
        var record = Bad("src-1", Samples.Epoch, "type", "required");

        (await Sut.AddAsync(record, [new RecordQuarantined("src-1", Samples.Epoch, "src-1", SourceKind.Import, ["type", "required"])])).ShouldBeTrue();

        var listed = (await Sut.ListAsync(10)).ShouldHaveSingleItem();
        listed.SourceRecordId.ShouldBe("src-1");
        listed.Payload.ShouldBe(record.Payload);
        listed.ExternalId.ShouldBe("ext-src-1");
        listed.Reasons.ShouldBe(record.Reasons);
        listed.QuarantinedAt.ShouldBe(Samples.Epoch);
        (await Journal.AllEventsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task AddAsync_Twice_ReturnsFalseAndWritesNothing()
    {
        await Sut.AddAsync(Bad("src-1", Samples.Epoch, "type"), [new RecordQuarantined("src-1", Samples.Epoch, "src-1", SourceKind.Import, ["type"])]);

        (await Sut.AddAsync(Bad("src-1", Samples.Epoch, "type"), [new RecordQuarantined("src-1", Samples.Epoch, "src-1", SourceKind.Import, ["type"])])).ShouldBeFalse();

        (await Sut.CountAsync()).ShouldBe(1);
        (await Journal.AllEventsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ListAsync_MostRecentFirst_LimitedToMaxCount()
    {
        await Sut.AddAsync(Bad("src-1", Samples.Epoch, "type"), []);
        await Sut.AddAsync(Bad("src-2", Samples.Epoch.AddMinutes(2), "url"), []);
        await Sut.AddAsync(Bad("src-3", Samples.Epoch.AddMinutes(1), "range"), []);

        (await Sut.ListAsync(2)).Select(r => r.SourceRecordId).ShouldBe(["src-2", "src-3"]);
    }

    [Fact]
    public async Task CountByReasonAsync_CountsEachRecordOncePerCode()
    {
        await Sut.AddAsync(Bad("src-1", Samples.Epoch, "type", "type", "url"), []);
        await Sut.AddAsync(Bad("src-2", Samples.Epoch, "url"), []);

        var counts = await Sut.CountByReasonAsync();

        counts["type"].ShouldBe(1);
        counts["url"].ShouldBe(2);
        counts.Count.ShouldBe(2);
        (await Sut.CountAsync()).ShouldBe(2);
    }
}

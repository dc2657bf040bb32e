using MonaSpark.Application.Ports;
using Shouldly;
using Xunit;

namespace MonaSpark.TestKit;

/// <summary>The behaviour every <see cref="IReadModelStore"/> adapter must show.</summary>
public abstract class ReadModelStoreContract : IAsyncLifetime
{
    private IReadModelStore? _sut;

    protected IReadModelStore Sut => _sut ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<IReadModelStore> CreateAsync();

    public async Task InitializeAsync() => _sut = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Nothing_NoCheckpointNoRows()
    {
        (await Sut.GetCheckpointAsync("contacts")).ShouldBe(0);
        (await Sut.GetAsync("contacts", "art-1")).ShouldBeNull();
        (await Sut.ListAsync("contacts", 10)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SaveAsync_RowsAndCheckpoint_ReadBack_AndReplace()
    {
        await Sut.SaveAsync("contacts", [new ReadModelRow("art-2", """{"n":1}""", 4), new ReadModelRow("art-1/x?#", """{"n":2}""", 5)], 5);
        await Sut.SaveAsync("contacts", [new ReadModelRow("art-2", """{"n":3}""", 9)], 9);

        (await Sut.GetCheckpointAsync("contacts")).ShouldBe(9);
        (await Sut.GetAsync("contacts", "art-2")).ShouldBe(new ReadModelRow("art-2", """{"n":3}""", 9));
        (await Sut.ListAsync("contacts", 10)).Select(r => r.Key).ShouldBe(["art-1/x?#", "art-2"]);
        (await Sut.ListAsync("contacts", 1)).ShouldHaveSingleItem().Key.ShouldBe("art-1/x?#");
    }

    [Fact]
    public async Task SaveAsync_ManyRows_AllKept()
    {
        var rows = Enumerable.Range(0, 250).Select(i => new ReadModelRow($"k{i:D3}", "{}", i + 1)).ToList();

        await Sut.SaveAsync("funnel", rows, 250);

        (await Sut.ListAsync("funnel", 1_000)).Count.ShouldBe(250);
        (await Sut.GetCheckpointAsync("funnel")).ShouldBe(250);
    }

    [Fact]
    public async Task ResetAsync_ClearsOneProjectionOnly()
    {
        await Sut.SaveAsync("contacts", [new ReadModelRow("a", "{}", 1)], 1);
        await Sut.SaveAsync("funnel", [new ReadModelRow("all", "{}", 1)], 1);

        await Sut.ResetAsync("contacts");

        (await Sut.GetCheckpointAsync("contacts")).ShouldBe(0);
        (await Sut.ListAsync("contacts", 10)).ShouldBeEmpty();
        (await Sut.GetAsync("funnel", "all")).ShouldNotBeNull();
    }
}

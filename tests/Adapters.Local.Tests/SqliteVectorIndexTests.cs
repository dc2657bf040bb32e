using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Local.Vectors;
using MonaSpark.Application.Ports;
using MonaSpark.TestKit;
using Shouldly;
using Xunit;

namespace MonaSpark.Adapters.Local.Tests;

/// <summary>The contract in both scan modes, plus what only the in-process index promises.</summary>
public abstract class SqliteVectorIndexTests(VectorSearchMode mode) : VectorIndexContract
{
    private readonly TempDataDirectory _directory = new();
    private readonly List<SqliteVectorIndex> _opened = [];

    protected override Task<IVectorIndex> CreateAsync() => Task.FromResult<IVectorIndex>(Open());

    protected override Task<IVectorIndex> ReopenAsync() => Task.FromResult<IVectorIndex>(Open());

    private SqliteVectorIndex Open(string model = "test-model")
    {
        var index = new SqliteVectorIndex(_directory.Open(), Options.Create(new LocalVectorIndexOptions { Model = model, Mode = mode }), TimeProvider.System);
        _opened.Add(index);
        return index;
    }

    public override Task DisposeAsync()
    {
        _opened.ForEach(i => i.Dispose());
        _directory.Delete();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Reopen_UnderAnotherModel_SeesNoneOfTheOldVectors()
    {
        await Sut.UpsertAsync([new VectorEntry(Id("a"), Axis(0), "FR", [])]);

        var other = Open("another-model");

        (await other.CountAsync()).ShouldBe(0);
        (await other.SearchAsync(Axis(0), 5)).ShouldBeEmpty();
    }

    [Fact]
    public async Task UpsertAsync_InsideAUnitOfWork_Throws()
    {
        var database = _directory.Open();
        var index = new SqliteVectorIndex(database, Options.Create(new LocalVectorIndexOptions { Mode = mode }), TimeProvider.System);
        _opened.Add(index);
        await using var scope = await new SqliteUnitOfWork(database).BeginAsync();

        await Should.ThrowAsync<InvalidOperationException>(() => index.UpsertAsync([new VectorEntry(Id("a"), Axis(0), null, [])]));
    }

    [Fact]
    public async Task ConcurrentWritesAndSearches_EndConsistentWithTheFile()
    {
        var writes = Enumerable.Range(0, 40).Select(i => Sut.UpsertAsync([new VectorEntry(Id($"c{i}"), Axis(i % Dimensions, i / 40f), "FR", ["jazz"])]));
        var searches = Enumerable.Range(0, 40).Select(_ => Task.Run(() => Sut.SearchAsync(Axis(0), 5)));

        await Task.WhenAll(writes.Concat<Task>(searches));

        (await Sut.CountAsync()).ShouldBe(40);
        (await (await ReopenAsync()).CountAsync()).ShouldBe(40);
    }
}

public sealed class SqliteVectorIndexInt8Tests() : SqliteVectorIndexTests(VectorSearchMode.Int8Rescored);

public sealed class SqliteVectorIndexExactTests() : SqliteVectorIndexTests(VectorSearchMode.Exact);

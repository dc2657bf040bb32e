using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;
using Shouldly;
using Xunit;

namespace MonaSpark.TestKit;

/// <summary>The behaviour every <see cref="IVectorIndex"/> adapter must show (cosine similarity, filters, idempotent writes).</summary>
public abstract class VectorIndexContract : IAsyncLifetime
{
    /// <summary>Dimensions of the vectors these tests write.</summary>
    protected const int Dimensions = 8;

    private IVectorIndex? _sut;

    protected IVectorIndex Sut => _sut ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<IVectorIndex> CreateAsync();

    /// <summary>A fresh adapter over the same storage, as a restarted process would open it.</summary>
    protected abstract Task<IVectorIndex> ReopenAsync();

    public async Task InitializeAsync() => _sut = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected static ArtistId Id(string key) => ArtistId.ForSource(SourceKind.Import, key);

    /// <summary>A vector along axis <paramref name="axis"/>, tilted by <paramref name="tilt"/> towards the next axis.</summary>
    protected static float[] Axis(int axis, float tilt = 0, float length = 1)
    {
        var v = new float[Dimensions];
        v[axis] = length;
        v[(axis + 1) % Dimensions] = tilt * length;
        return v;
    }

    private static VectorEntry Entry(string key, float[] vector, string? country = "FR", params string[] genres) => new(Id(key), vector, country, genres);

    [Fact]
    public async Task SearchAsync_RanksByCosineSimilarity_IgnoringLength()
    {
        await Sut.UpsertAsync([Entry("far", Axis(1)), Entry("near", Axis(0, 0.1f, length: 9)), Entry("mid", Axis(0, 1f))]);

        var matches = await Sut.SearchAsync(Axis(0, length: 0.5f), 3);

        matches.Select(m => m.ArtistId).ShouldBe([Id("near"), Id("mid"), Id("far")]);
        matches[0].Similarity.ShouldBe(1 / Math.Sqrt(1.01), 1e-3);
        matches[1].Similarity.ShouldBe(1 / Math.Sqrt(2), 1e-3);
        matches[2].Similarity.ShouldBe(0, 1e-3);
    }

    [Fact]
    public async Task SearchAsync_OppositeVector_HasNegativeSimilarity()
    {
        await Sut.UpsertAsync([Entry("opposite", [.. Axis(2).Select(x => -x)])]);

        (await Sut.SearchAsync(Axis(2), 1)).ShouldHaveSingleItem().Similarity.ShouldBe(-1, 1e-3);
    }

    [Fact]
    public async Task SearchAsync_LimitsToTop()
    {
        await Sut.UpsertAsync([.. Enumerable.Range(0, 6).Select(i => Entry($"a{i}", Axis(0, i / 10f)))]);

        var matches = await Sut.SearchAsync(Axis(0), 2);

        matches.Select(m => m.ArtistId).ShouldBe([Id("a0"), Id("a1")]);
    }

    [Fact]
    public async Task SearchAsync_Empty_ReturnsNothing() => (await Sut.SearchAsync(Axis(0), 5)).ShouldBeEmpty();

    [Fact]
    public async Task UpsertAsync_SameEntryTwice_KeepsOneEntry()
    {
        await Sut.UpsertAsync([Entry("a", Axis(0))]);
        await Sut.UpsertAsync([Entry("a", Axis(0))]);

        (await Sut.CountAsync()).ShouldBe(1);
        (await Sut.SearchAsync(Axis(0), 5)).ShouldHaveSingleItem().ArtistId.ShouldBe(Id("a"));
    }

    [Fact]
    public async Task UpsertAsync_Changed_ReplacesVectorAndFields()
    {
        await Sut.UpsertAsync([Entry("a", Axis(0), "FR", "jazz")]);

        await Sut.UpsertAsync([Entry("a", Axis(3), "DE", "techno")]);

        (await Sut.SearchAsync(Axis(3), 1)).ShouldHaveSingleItem().Similarity.ShouldBe(1, 1e-3);
        (await Sut.SearchAsync(Axis(3), 5, new VectorFilter("FR", null))).ShouldBeEmpty();
        (await Sut.SearchAsync(Axis(3), 5, new VectorFilter(null, ["jazz"]))).ShouldBeEmpty();
        (await Sut.SearchAsync(Axis(3), 5, new VectorFilter("DE", ["techno"]))).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheEntry_AndMissingIsANoOp()
    {
        await Sut.UpsertAsync([Entry("a", Axis(0)), Entry("b", Axis(0, 0.2f))]);

        await Sut.DeleteAsync(Id("a"));
        await Sut.DeleteAsync(Id("a"));
        await Sut.DeleteAsync(Id("never"));

        (await Sut.SearchAsync(Axis(0), 5)).ShouldHaveSingleItem().ArtistId.ShouldBe(Id("b"));
        (await Sut.CountAsync()).ShouldBe(1);
        (await Sut.GetAsync([Id("a")])).ShouldBeEmpty();
    }

    [Fact]
    public async Task SearchAsync_CountryFilter_IsCaseInsensitiveAndExact()
    {
        await Sut.UpsertAsync([Entry("fr", Axis(0), "FR"), Entry("de", Axis(0, 0.1f), "DE"), Entry("none", Axis(0, 0.2f), null)]);

        (await Sut.SearchAsync(Axis(0), 5, new VectorFilter("de", null))).ShouldHaveSingleItem().ArtistId.ShouldBe(Id("de"));
        (await Sut.SearchAsync(Axis(0), 5, new VectorFilter("IT", null))).ShouldBeEmpty();
    }

    [Fact]
    public async Task SearchAsync_GenreFilter_MatchesAnyOfTheGenres()
    {
        await Sut.UpsertAsync(
        [
            Entry("jazz", Axis(0), "FR", "Jazz", "soul"),
            Entry("rock", Axis(0, 0.1f), "FR", "rock"),
            Entry("pop", Axis(0, 0.2f), "FR", "dream pop"),
            Entry("bare", Axis(0, 0.3f), "FR"),
        ]);

        var matches = await Sut.SearchAsync(Axis(0), 5, new VectorFilter(null, ["ROCK", "jazz", "unknown"]));

        matches.Select(m => m.ArtistId).ShouldBe([Id("jazz"), Id("rock")]);
        (await Sut.SearchAsync(Axis(0), 5, new VectorFilter(null, ["dream pop"]))).ShouldHaveSingleItem().ArtistId.ShouldBe(Id("pop"));
        (await Sut.SearchAsync(Axis(0), 5, new VectorFilter(null, ["unknown"]))).ShouldBeEmpty();
    }

    [Fact]
    public async Task SearchAsync_CountryAndGenre_MustBothMatch()
    {
        await Sut.UpsertAsync([Entry("fr-jazz", Axis(0), "FR", "jazz"), Entry("de-jazz", Axis(0), "DE", "jazz"), Entry("fr-rock", Axis(0), "FR", "rock")]);

        (await Sut.SearchAsync(Axis(0), 5, new VectorFilter("FR", ["jazz"]))).ShouldHaveSingleItem().ArtistId.ShouldBe(Id("fr-jazz"));
    }

    [Fact]
    public async Task GetAsync_ReturnsStoredEntries_WithTheirFields()
    {
        await Sut.UpsertAsync([Entry("a", Axis(0, length: 2), "fr", "Jazz"), Entry("b", Axis(1))]);

        var entries = await Sut.GetAsync([Id("a"), Id("missing")]);

        var entry = entries.ShouldHaveSingleItem();
        entry.ArtistId.ShouldBe(Id("a"));
        entry.Country.ShouldBe("FR");
        entry.Genres.ShouldBe(["jazz"]);
        CosineOf(entry.Vector.Span, Axis(0)).ShouldBe(1, 1e-3);
    }

    [Fact]
    public async Task ContentHash_IsStoredReplacedAndKeptAcrossAReopen()
    {
        await Sut.UpsertAsync([Entry("a", Axis(0)) with { ContentHash = "h1" }, Entry("b", Axis(1))]);
        await Sut.UpsertAsync([Entry("a", Axis(0, tilt: 0.1f)) with { ContentHash = "h2" }]);

        var reopened = await ReopenAsync();

        var entries = (await reopened.GetAsync([Id("a"), Id("b")])).ToDictionary(e => e.ArtistId);
        entries[Id("a")].ContentHash.ShouldBe("h2");
        entries[Id("b")].ContentHash.ShouldBeNull();
    }

    [Fact]
    public async Task Entries_SurviveAReopen()
    {
        await Sut.UpsertAsync([Entry("a", Axis(0), "FR", "jazz"), Entry("b", Axis(1), "DE", "rock")]);
        await Sut.DeleteAsync(Id("b"));

        var reopened = await ReopenAsync();

        (await reopened.CountAsync()).ShouldBe(1);
        (await reopened.SearchAsync(Axis(0), 5, new VectorFilter("FR", ["jazz"]))).ShouldHaveSingleItem().ArtistId.ShouldBe(Id("a"));
    }

    [Fact]
    public async Task UpsertAsync_WrongDimensionsOrZeroVector_Throws()
    {
        await Sut.UpsertAsync([Entry("a", Axis(0))]);

        await Should.ThrowAsync<ArgumentException>(() => Sut.UpsertAsync([Entry("b", new float[Dimensions + 1])]));
        await Should.ThrowAsync<ArgumentException>(() => Sut.UpsertAsync([Entry("c", new float[Dimensions])]));
        (await Sut.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task SearchAsync_TiesAreBrokenByArtistId()
    {
        var keys = new[] { "t1", "t2", "t3", "t4" };
        await Sut.UpsertAsync([.. keys.Select(k => Entry(k, Axis(5)))]);

        var matches = await Sut.SearchAsync(Axis(5), 4);

        matches.Select(m => m.ArtistId.Value).ShouldBe(keys.Select(k => Id(k).Value).Order(StringComparer.Ordinal));
    }

    private static double CosineOf(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }
}

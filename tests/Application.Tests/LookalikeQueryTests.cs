using MonaSpark.Application.Lookalikes;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Leads;
using MonaSpark.Domain.Sources;
using MonaSpark.TestKit;
using NSubstitute;

namespace MonaSpark.Application.Tests;

public class LookalikeQueryTests : IDisposable
{
    private readonly IVectorIndex _index = Substitute.For<IVectorIndex>();
    private readonly IArtistStore _artists = Substitute.For<IArtistStore>();
    private readonly IJournal _journal = Substitute.For<IJournal>();
    private readonly ILeadStore _leads = Substitute.For<ILeadStore>();
    private readonly CustomerDirectory _customers;
    private readonly LookalikeQuery _sut;

    public LookalikeQueryTests()
    {
        _customers = new CustomerDirectory(_journal, _leads);
        _sut = new LookalikeQuery(_index, _artists, _customers);
        _artists.GetAsync(Arg.Any<ArtistId>(), Arg.Any<CancellationToken>()).Returns(c => Samples.Artist() with { Id = c.Arg<ArtistId>() });
        _journal.ReadAsync(Arg.Any<long>(), Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns([]);
        _leads.ListByStageAsync(Arg.Any<IReadOnlyCollection<FunnelStage>>(), Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns([]);
    }

    public void Dispose()
    {
        _customers.Dispose();
        GC.SuppressFinalize(this);
    }

    private static ArtistId Id(string key) => ArtistId.ForSource(SourceKind.Import, key);

    private static VectorEntry Entry(string key, params float[] vector) => new(Id(key), vector, "FR", []);

    [Fact]
    public async Task FindAsync_SearchesAroundTheSeedsCentroid_AndLeavesTheSeedsOut()
    {
        _index.GetAsync(Arg.Any<IReadOnlyCollection<ArtistId>>(), Arg.Any<CancellationToken>()).Returns([Entry("s1", 2, 0), Entry("s2", 0, 5)]);
        _index.SearchAsync(Arg.Any<ReadOnlyMemory<float>>(), Arg.Any<int>(), Arg.Any<VectorFilter?>(), Arg.Any<CancellationToken>())
            .Returns([new VectorMatch(Id("s1"), 0.99), new VectorMatch(Id("x"), 0.9), new VectorMatch(Id("s2"), 0.8), new VectorMatch(Id("y"), 0.7)]);

        var result = await _sut.FindAsync(new LookalikeRequest(Top: 5, Country: "FR", Genres: ["jazz"], Seeds: [Id("s1"), Id("s2"), Id("s1")]));

        await _index.Received(1).SearchAsync(
            Arg.Is<ReadOnlyMemory<float>>(q => IsDiagonal(q)),
            5 + 2 + 10,
            Arg.Is<VectorFilter?>(f => f!.Country == "FR" && f.AnyGenre!.Single() == "jazz"),
            Arg.Any<CancellationToken>());
        result.Seeds.ShouldBe(2);
        result.SeedsEmbedded.ShouldBe(2);
        result.Artists.Select(a => a.ArtistId).ShouldBe([Id("x").Value, Id("y").Value]);
        result.Artists[0].Similarity.ShouldBe(0.9);
        result.Artists[0].Name.ShouldBe(Samples.Artist().Name.Value);
    }

    [Fact]
    public async Task FindAsync_LeavesOutMissingAndMergedArtists_AndKeepsTop()
    {
        _index.GetAsync(Arg.Any<IReadOnlyCollection<ArtistId>>(), Arg.Any<CancellationToken>()).Returns([Entry("s", 1, 0)]);
        _index.SearchAsync(Arg.Any<ReadOnlyMemory<float>>(), Arg.Any<int>(), Arg.Any<VectorFilter?>(), Arg.Any<CancellationToken>())
            .Returns([new VectorMatch(Id("gone"), 0.9), new VectorMatch(Id("merged"), 0.8), new VectorMatch(Id("a"), 0.7), new VectorMatch(Id("b"), 0.6), new VectorMatch(Id("c"), 0.5)]);
        _artists.GetAsync(Id("gone"), Arg.Any<CancellationToken>()).Returns((Artist?)null);
        _artists.GetAsync(Id("merged"), Arg.Any<CancellationToken>()).Returns(Samples.Artist() with { Id = Id("merged"), MergedInto = Id("a") });

        var result = await _sut.FindAsync(new LookalikeRequest(Top: 2, Seeds: [Id("s")]));

        result.Artists.Select(a => a.ArtistId).ShouldBe([Id("a").Value, Id("b").Value]);
    }

    [Fact]
    public async Task FindAsync_NoSeeds_UsesCustomersFromLeadStagesAndTheJournal()
    {
        _leads.ListByStageAsync(Arg.Any<IReadOnlyCollection<FunnelStage>>(), Arg.Any<int>(), Arg.Any<CancellationToken>())
            .Returns([Samples.Lead(Id("staged"), 1, FunnelStage.Customer)]);
        _journal.ReadAsync(0, Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns(
        [
            new JournalEntry(1, new SignupCompleted(Id("signed").Value, Samples.Epoch, "offer", TimeSpan.FromMinutes(2))),
            new JournalEntry(2, new PaymentSucceeded(Id("paid").Value, Samples.Epoch, "sub", 900, "EUR")),
            new JournalEntry(3, new PaymentSucceeded(Id("erased").Value, Samples.Epoch, "sub", 900, "EUR")),
            new JournalEntry(4, new DataErased(Id("erased").Value, Samples.Epoch, "api")),
            new JournalEntry(5, new ArtistMerged(Id("survivor").Value, Samples.Epoch, Id("paid").Value, 0.99)),
            new JournalEntry(6, new LeadScored(Id("scored").Value, Samples.Epoch, 0.5, 100, "EUR", 1, "baseline-1", LeadTier.Warm)),
        ]);
        _index.GetAsync(Arg.Any<IReadOnlyCollection<ArtistId>>(), Arg.Any<CancellationToken>()).Returns([]);

        var result = await _sut.FindAsync(new LookalikeRequest());

        await _leads.Received(1).ListByStageAsync(
            Arg.Is<IReadOnlyCollection<FunnelStage>>(s => s.Order().SequenceEqual(new[] { FunnelStage.SignedUp, FunnelStage.Onboarded, FunnelStage.Customer })),
            LookalikeQuery.MaxSeeds,
            Arg.Any<CancellationToken>());
        await _index.Received(1).GetAsync(
            Arg.Is<IReadOnlyCollection<ArtistId>>(ids => ids.ToHashSet().SetEquals(new[] { Id("staged"), Id("signed"), Id("survivor") })),
            Arg.Any<CancellationToken>());
        result.Seeds.ShouldBe(3);
        result.Artists.ShouldBeEmpty();
    }

    [Fact]
    public async Task CustomerDirectory_SecondCall_ReadsOnlyNewJournalEntries()
    {
        _journal.ReadAsync(0, Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns([new JournalEntry(7, new SignupCompleted(Id("a").Value, Samples.Epoch, "o", TimeSpan.Zero))]);
        _journal.ReadAsync(7, Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns([new JournalEntry(8, new SignupCompleted(Id("b").Value, Samples.Epoch, "o", TimeSpan.Zero))]);

        (await _customers.ListAsync(10)).ShouldBe([Id("a")]);
        (await _customers.ListAsync(10)).ToHashSet().SetEquals([Id("a"), Id("b")]).ShouldBeTrue();

        await _journal.Received(1).ReadAsync(0, Arg.Any<int>(), Arg.Any<CancellationToken>());
        await _journal.Received(1).ReadAsync(7, Arg.Any<int>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task FindAsync_SeedsWithoutEmbeddings_ReturnsNothing()
    {
        _index.GetAsync(Arg.Any<IReadOnlyCollection<ArtistId>>(), Arg.Any<CancellationToken>()).Returns([]);

        var result = await _sut.FindAsync(new LookalikeRequest(Seeds: [Id("s")]));

        result.ShouldBe(new LookalikeResult(1, 0, []), new LookalikeResultComparer());
        await _index.DidNotReceiveWithAnyArgs().SearchAsync(default, default, default, default);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task FindAsync_TopOutOfRange_Throws(int top) =>
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => _sut.FindAsync(new LookalikeRequest(Top: top)));

    [Fact]
    public void Centroid_OppositeVectors_IsNull() => LookalikeQuery.Centroid([Entry("a", 1, 0), Entry("b", -3, 0)]).ShouldBeNull();

    /// <summary>The mean of the unit vectors (1, 0) and (0, 1), normalised.</summary>
    private static bool IsDiagonal(ReadOnlyMemory<float> query)
    {
        var expected = (float)(1 / Math.Sqrt(2));
        return query.Length == 2 && Math.Abs(query.Span[0] - expected) < 1e-6 && Math.Abs(query.Span[1] - expected) < 1e-6;
    }

    private sealed class LookalikeResultComparer : IEqualityComparer<LookalikeResult>
    {
        public bool Equals(LookalikeResult? x, LookalikeResult? y) =>
            x!.Seeds == y!.Seeds && x.SeedsEmbedded == y.SeedsEmbedded && x.Artists.SequenceEqual(y.Artists);

        public int GetHashCode(LookalikeResult obj) => obj.Seeds;
    }
}

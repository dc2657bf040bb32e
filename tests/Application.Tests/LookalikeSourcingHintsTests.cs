using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Lookalikes;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Leads;
using MonaSpark.Domain.Sources;
using MonaSpark.TestKit;
using NSubstitute;

namespace MonaSpark.Application.Tests;

public sealed class LookalikeSourcingHintsTests : IDisposable
{
    private static readonly ArtistId Customer = ArtistId.ForSource(SourceKind.Import, "customer");
    private static readonly ArtistId Close = ArtistId.ForSource(SourceKind.Import, "close");
    private static readonly ArtistId Far = ArtistId.ForSource(SourceKind.Import, "far");

    private readonly IVectorIndex _index = Substitute.For<IVectorIndex>();
    private readonly IArtistStore _artists = Substitute.For<IArtistStore>();
    private readonly IJournal _journal = Substitute.For<IJournal>();
    private readonly ILeadStore _leads = Substitute.For<ILeadStore>();
    private readonly FakeTimeProvider _time = new(Samples.Epoch);
    private readonly CustomerDirectory _customers;
    private readonly LookalikeSourcingHints _sut;

    public LookalikeSourcingHintsTests()
    {
        _customers = new CustomerDirectory(_journal, _leads);
        _sut = new LookalikeSourcingHints(new LookalikeQuery(_index, _artists, _customers), _customers, _artists, _time);
        _journal.ReadAsync(Arg.Any<long>(), Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns([]);
        _artists.GetAsync(Customer, Arg.Any<CancellationToken>()).Returns(WithGenres(Customer, "Afro Pop", "rap"));
        _artists.GetAsync(Close, Arg.Any<CancellationToken>()).Returns(WithGenres(Close, "afro pop "));
        _artists.GetAsync(Far, Arg.Any<CancellationToken>()).Returns(WithGenres(Far, "jazz"));
        _index.GetAsync(Arg.Any<IReadOnlyCollection<ArtistId>>(), Arg.Any<CancellationToken>()).Returns([new VectorEntry(Customer, new float[] { 1, 0 }, "FR", [])]);
        _index.SearchAsync(Arg.Any<ReadOnlyMemory<float>>(), Arg.Any<int>(), Arg.Any<VectorFilter?>(), Arg.Any<CancellationToken>())
            .Returns([new VectorMatch(Customer, 1), new VectorMatch(Close, 0.9), new VectorMatch(Far, 0.5)]);
    }

    public void Dispose()
    {
        _customers.Dispose();
        _sut.Dispose();
    }

    private static Artist WithGenres(ArtistId id, params string[] genres) =>
        Samples.Artist() with { Id = id, Genres = new(genres, new Provenance(SourceKind.Spotify, "src-x", Samples.Epoch)) };

    private void HasCustomer() =>
        _leads.ListByStageAsync(Arg.Any<IReadOnlyCollection<FunnelStage>>(), Arg.Any<int>(), Arg.Any<CancellationToken>())
            .Returns([new Lead { ArtistId = Customer, DisplayName = "C", Stage = FunnelStage.Customer, UpdatedAt = Samples.Epoch }]);

    [Fact]
    public async Task GenresAsync_NoCustomers_Nothing()
    {
        _leads.ListByStageAsync(Arg.Any<IReadOnlyCollection<FunnelStage>>(), Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns([]);

        (await _sut.GenresAsync(3)).ShouldBeEmpty();
    }

    [Fact]
    public async Task GenresAsync_WeighsCustomersOneAndLookalikesBySimilarity()
    {
        HasCustomer();

        // afro pop: 1 (customer) + 0.9 (close); rap: 1; jazz: 0.5.
        (await _sut.GenresAsync(5)).ShouldBe(["afro pop", "rap", "jazz"]);
        (await _sut.GenresAsync(1)).ShouldBe(["afro pop"]);
    }

    [Fact]
    public async Task GenresAsync_CachedForAnHour()
    {
        HasCustomer();
        await _sut.GenresAsync(3);
        await _sut.GenresAsync(3);
        await _index.Received(1).SearchAsync(Arg.Any<ReadOnlyMemory<float>>(), Arg.Any<int>(), Arg.Any<VectorFilter?>(), Arg.Any<CancellationToken>());

        _time.Advance(LookalikeSourcingHints.RefreshInterval);
        await _sut.GenresAsync(3);

        await _index.Received(2).SearchAsync(Arg.Any<ReadOnlyMemory<float>>(), Arg.Any<int>(), Arg.Any<VectorFilter?>(), Arg.Any<CancellationToken>());
    }
}

using Microsoft.Extensions.AI;
using MonaSpark.Application.Lookalikes;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;
using MonaSpark.TestKit;
using NSubstitute;

namespace MonaSpark.Application.Tests;

public class EmbedArtistHandlerTests
{
    private readonly IArtistStore _artists = Substitute.For<IArtistStore>();
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings = Substitute.For<IEmbeddingGenerator<string, Embedding<float>>>();
    private readonly IVectorIndex _index = Substitute.For<IVectorIndex>();
    private readonly Artist _artist = Samples.Artist() with { Version = 2, Genres = new Sourced<IReadOnlyList<string>>([" Dream Pop", "indie", "dream pop"], new Provenance(SourceKind.Import, "src", Samples.Epoch)) };
    private readonly EmbedArtistHandler _sut;

    public EmbedArtistHandlerTests()
    {
        _sut = new EmbedArtistHandler(_artists, _embeddings, _index);
        _artists.GetAsync(_artist.Id, Arg.Any<CancellationToken>()).Returns(_artist);
        _embeddings.GenerateAsync(Arg.Any<IEnumerable<string>>(), Arg.Any<EmbeddingGenerationOptions?>(), Arg.Any<CancellationToken>())
            .Returns(c => new GeneratedEmbeddings<Embedding<float>>(c.Arg<IEnumerable<string>>().Select(_ => new Embedding<float>(new float[] { 0.6f, 0.8f }))));
    }

    private static WorkItem Work(ArtistId id) => new($"embed:{id}:2", WorkKinds.EmbedArtist, id.Value);

    [Fact]
    public async Task HandleAsync_Artist_EmbedsItsTextAndUpsertsWithCountryAndGenres()
    {
        await _sut.HandleAsync(Work(_artist.Id), CancellationToken.None);

        await _embeddings.Received(1).GenerateAsync(
            Arg.Is<IEnumerable<string>>(t => t.Single() == "Genres: dream pop, indie. From France. Dream-pop from Lyon. Line two <b>not html</b>."),
            Arg.Any<EmbeddingGenerationOptions?>(),
            Arg.Any<CancellationToken>());
        await _index.Received(1).UpsertAsync(
            Arg.Is<IReadOnlyList<VectorEntry>>(e => e.Count == 1 && e[0].ArtistId == _artist.Id && e[0].Country == "FR"
                && e[0].Genres.SequenceEqual(new[] { "dream pop", "indie" }) && e[0].Vector.ToArray().SequenceEqual(new[] { 0.6f, 0.8f })),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_TextUnchangedSinceTheLastEmbedding_EmbedsNothing()
    {
        var stored = new List<VectorEntry>();
        await _index.UpsertAsync(Arg.Do<IReadOnlyList<VectorEntry>>(stored.AddRange), Arg.Any<CancellationToken>());
        _index.GetAsync(Arg.Any<IReadOnlyCollection<ArtistId>>(), Arg.Any<CancellationToken>()).Returns(_ => stored.TakeLast(1).ToList());

        await _sut.HandleAsync(Work(_artist.Id), CancellationToken.None);
        _artists.GetAsync(_artist.Id, Arg.Any<CancellationToken>()).Returns(_artist with { Version = 3 }); // new metrics, same text
        await _sut.HandleAsync(Work(_artist.Id), CancellationToken.None);

        stored.ShouldHaveSingleItem().ContentHash.ShouldNotBeNullOrEmpty();
        await _embeddings.Received(1).GenerateAsync(Arg.Any<IEnumerable<string>>(), Arg.Any<EmbeddingGenerationOptions?>(), Arg.Any<CancellationToken>());

        _artists.GetAsync(_artist.Id, Arg.Any<CancellationToken>()).Returns(_artist with { Version = 4, Bio = null }); // the text changed
        await _sut.HandleAsync(Work(_artist.Id), CancellationToken.None);

        stored.Count.ShouldBe(2);
        stored[1].ContentHash.ShouldNotBe(stored[0].ContentHash);
    }

    [Fact]
    public async Task HandleBatchAsync_EmbedsTheChangedTextsInOneCall_AndFailsOnlyWhatFailed()
    {
        var other = _artist with { Id = ArtistId.ForSource(SourceKind.Import, "other"), Bio = null };
        var unchanged = _artist with { Id = ArtistId.ForSource(SourceKind.Import, "same") };
        _artists.GetAsync(other.Id, Arg.Any<CancellationToken>()).Returns(other);
        _artists.GetAsync(unchanged.Id, Arg.Any<CancellationToken>()).Returns(unchanged);
        _index.GetAsync(Arg.Any<IReadOnlyCollection<ArtistId>>(), Arg.Any<CancellationToken>()).Returns(
            [new VectorEntry(unchanged.Id, new float[] { 1, 0 }, "FR", []) { ContentHash = EmbedArtistHandler.ContentHash(null, ArtistText.For(unchanged)) }]);

        var results = await _sut.HandleBatchAsync(
            [Work(_artist.Id), Work(other.Id), Work(unchanged.Id), new WorkItem("embed:bad", WorkKinds.EmbedArtist, "not an id!")],
            CancellationToken.None);

        results[0].ShouldBeNull();
        results[1].ShouldBeNull();
        results[2].ShouldBeNull();
        results[3].ShouldBeOfType<PermanentWorkException>();
        await _embeddings.Received(1).GenerateAsync(Arg.Is<IEnumerable<string>>(t => t.Count() == 2), Arg.Any<EmbeddingGenerationOptions?>(), Arg.Any<CancellationToken>());
        await _index.Received(1).UpsertAsync(Arg.Is<IReadOnlyList<VectorEntry>>(e => e.Count == 2 && e.All(x => x.ContentHash != null)), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleBatchAsync_EmbeddingCallFails_EveryItemItCarriedFails()
    {
        _embeddings.GenerateAsync(Arg.Any<IEnumerable<string>>(), Arg.Any<EmbeddingGenerationOptions?>(), Arg.Any<CancellationToken>())
            .Returns<GeneratedEmbeddings<Embedding<float>>>(_ => throw new HttpRequestException("429"));

        var results = await _sut.HandleBatchAsync([Work(_artist.Id)], CancellationToken.None);

        results.ShouldHaveSingleItem().ShouldBeOfType<HttpRequestException>();
        await Should.ThrowAsync<HttpRequestException>(() => _sut.HandleAsync(Work(_artist.Id), CancellationToken.None));
    }

    [Fact]
    public async Task HandleAsync_Twice_UpsertsTheSameEntry()
    {
        var entries = new List<VectorEntry>();
        await _index.UpsertAsync(Arg.Do<IReadOnlyList<VectorEntry>>(entries.AddRange), Arg.Any<CancellationToken>());

        await _sut.HandleAsync(Work(_artist.Id), CancellationToken.None);
        await _sut.HandleAsync(Work(_artist.Id), CancellationToken.None);

        entries.Count.ShouldBe(2);
        entries[1].ArtistId.ShouldBe(entries[0].ArtistId);
        entries[1].Country.ShouldBe(entries[0].Country);
        entries[1].Genres.ShouldBe(entries[0].Genres);
        entries[1].Vector.ToArray().ShouldBe(entries[0].Vector.ToArray());
    }

    [Fact]
    public async Task HandleAsync_MergedAway_DeletesFromTheIndexWithoutEmbedding()
    {
        _artists.GetAsync(_artist.Id, Arg.Any<CancellationToken>()).Returns(_artist with { MergedInto = ArtistId.ForSource(SourceKind.Import, "survivor") });

        await _sut.HandleAsync(Work(_artist.Id), CancellationToken.None);

        await _index.Received(1).DeleteAsync(_artist.Id, Arg.Any<CancellationToken>());
        await _index.DidNotReceiveWithAnyArgs().UpsertAsync(default!, default);
        await _embeddings.DidNotReceiveWithAnyArgs().GenerateAsync(default!, default, default);
    }

    [Fact]
    public async Task HandleAsync_Missing_DeletesFromTheIndex()
    {
        var gone = ArtistId.ForSource(SourceKind.Import, "erased");

        await _sut.HandleAsync(Work(gone), CancellationToken.None);

        await _index.Received(1).DeleteAsync(gone, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_NotAnArtistId_IsPermanent() =>
        await Should.ThrowAsync<PermanentWorkException>(() => _sut.HandleAsync(new WorkItem("embed:x", WorkKinds.EmbedArtist, "not an id!"), CancellationToken.None));

    [Fact]
    public void RunsOutsideUnitOfWork_IsTrue() => _sut.RunsOutsideUnitOfWork.ShouldBeTrue();

    [Fact]
    public void ArtistText_NoGenresCountryOrBio_FallsBackToTheName()
    {
        var bare = Samples.Artist() with { Genres = null, Country = null, Bio = null };

        ArtistText.For(bare).ShouldBe(bare.Name.Value);
    }

    [Fact]
    public void ArtistText_LongBio_IsCut()
    {
        var provenance = new Provenance(SourceKind.Import, "src", Samples.Epoch);
        var artist = Samples.Artist() with { Genres = null, Country = null, Bio = new Sourced<string>(new string('a', 5_000), provenance) };

        ArtistText.For(artist).Length.ShouldBe(ArtistText.MaxBioLength);
    }
}

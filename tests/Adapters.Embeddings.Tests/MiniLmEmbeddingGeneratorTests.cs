using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Embeddings.Tests;

public sealed class MiniLmEmbeddingGeneratorTests(MiniLmFixture fixture) : IClassFixture<MiniLmFixture>
{
    private static readonly string[] Texts =
    [
        "Dream-pop duo from Lyon: hazy guitars, reverb and soft vocals.",
        "Jazz trio from Paris playing bebop standards and improvisation.",
        "Berlin techno producer, modular synthesizers, warehouse raves.",
        "Acoustic folk songs with fiddle and traditional Irish ballads.",
        "Norwegian black metal band with blast beats and tremolo riffs.",
        "Hip hop MC from Atlanta dropping mixtapes and freestyles.",
        "Classical pianist performing Chopin nocturnes and concertos.",
    ];

    private MiniLmEmbeddingGenerator Sut => fixture.Generator;

    [Fact(Timeout = 60_000)]
    public async Task GenerateAsync_SimilarSentences_AreCloserThanUnrelatedOnes()
    {
        var vectors = await Sut.GenerateAsync(
        [
            "A jazz saxophonist improvising in a smoky Paris club.",
            "Bebop jazz quartet with saxophone solos, live in Paris.",
            "Heavy metal band with distorted guitars and double-kick drums.",
        ]);

        var similar = TensorPrimitives.CosineSimilarity(vectors[0].Vector.Span, vectors[1].Vector.Span);
        var unrelated = TensorPrimitives.CosineSimilarity(vectors[0].Vector.Span, vectors[2].Vector.Span);
        similar.ShouldBeGreaterThan(unrelated + 0.2f);
    }

    [Fact(Timeout = 60_000)]
    public async Task GenerateAsync_Batched_GivesTheVectorsOfOneByOne()
    {
        var batched = await Sut.GenerateAsync(Texts);

        batched.Count.ShouldBe(Texts.Length);
        for (var i = 0; i < Texts.Length; i++)
        {
            var alone = await Sut.GenerateVectorAsync(Texts[i]);
            TensorPrimitives.CosineSimilarity(alone.Span, batched[i].Vector.Span).ShouldBeGreaterThan(0.9999f);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task GenerateAsync_ReturnsUnitLengthVectorsOfTheModel()
    {
        var embeddings = await Sut.GenerateAsync(Texts[..2]);

        embeddings.ShouldAllBe(e => e.Vector.Length == MiniLmEmbeddingGenerator.Dimensions);
        embeddings.ShouldAllBe(e => e.ModelId == MiniLmEmbeddingGenerator.ModelId && e.CreatedAt == Samples.Epoch);
        embeddings.Select(e => TensorPrimitives.Norm(e.Vector.Span)).ShouldAllBe(norm => Math.Abs(norm - 1f) < 1e-4f);
    }

    [Fact(Timeout = 60_000)]
    public async Task GenerateAsync_EmptyInput_ReturnsNoEmbeddings() => (await Sut.GenerateAsync([])).ShouldBeEmpty();

    [Fact(Timeout = 60_000)]
    public async Task GenerateAsync_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => Sut.GenerateAsync(Texts, cancellationToken: cancelled.Token));
    }

    [Fact(Timeout = 60_000)]
    public async Task GenerateAsync_NullTextOrOtherDimensions_Throws()
    {
        await Should.ThrowAsync<ArgumentException>(() => Sut.GenerateAsync(["a", null!]));
        await Should.ThrowAsync<NotSupportedException>(() => Sut.GenerateAsync(["a"], new EmbeddingGenerationOptions { Dimensions = 1536 }));
    }

    [Fact(Timeout = 60_000)]
    public async Task GenerateAsync_ConcurrentCalls_GiveTheSameVectors()
    {
        var expected = await Sut.GenerateAsync(Texts);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Sut.GenerateAsync(Texts))));

        foreach (var result in results)
        {
            for (var i = 0; i < Texts.Length; i++)
            {
                result[i].Vector.ToArray().ShouldBe(expected[i].Vector.ToArray());
            }
        }
    }

    [Fact]
    public void GetService_Metadata_NamesTheModelAndItsDimensions()
    {
        var metadata = Sut.GetService<EmbeddingGeneratorMetadata>().ShouldNotBeNull();

        metadata.DefaultModelId.ShouldBe(MiniLmEmbeddingGenerator.ModelId);
        metadata.DefaultModelDimensions.ShouldBe(384);
        Sut.GetService<MiniLmEmbeddingGenerator>().ShouldBeSameAs(Sut);
        Sut.GetService(typeof(EmbeddingGeneratorMetadata), "key").ShouldBeNull();
    }

    [Fact(Timeout = 60_000)]
    public async Task GenerateAsync_AfterDispose_Throws()
    {
        var sut = fixture.Create(batchSize: 8);
        await sut.GenerateAsync(["load the model"]);

        sut.Dispose();

        await Should.ThrowAsync<ObjectDisposedException>(() => sut.GenerateAsync(["a"]));
    }
}

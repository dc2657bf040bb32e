using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Local;
using MonaSpark.Adapters.Local.Vectors;
using MonaSpark.Application.Lookalikes;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using NSubstitute;
using Xunit.Abstractions;

namespace MonaSpark.Adapters.Embeddings.Tests;

/// <summary>
/// Lookalike quality with the real model, the real index and the real use cases, on a generated
/// population whose scenes are the ground truth: seeded with three artists of a scene, how many of the
/// top 10 lookalikes belong to it (precision@10), averaged over the scenes.
/// </summary>
public sealed class LookalikeQualityTests(MiniLmFixture fixture, ITestOutputHelper output) : IClassFixture<MiniLmFixture>, IDisposable
{
    private const int PerScene = 20;
    private const int SeedsPerQuery = 3;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "monaspark-tests", Guid.NewGuid().ToString("N"));

    [Fact(Timeout = 300_000)]
    public async Task LookalikeQuery_SeededWithinAScene_FindsThatScene()
    {
        var population = ArtistPopulation.Create(PerScene, seed: 4242);
        var artists = Substitute.For<IArtistStore>();
        var byId = population.ToDictionary(p => p.Artist.Id);
        artists.GetAsync(Arg.Any<ArtistId>(), Arg.Any<CancellationToken>()).Returns(c => byId.GetValueOrDefault(c.Arg<ArtistId>()).Artist);
        using var index = new SqliteVectorIndex(
            new SqliteDatabase(Options.Create(new LocalStorageOptions { DataDirectory = _directory })),
            Options.Create(new LocalVectorIndexOptions { Model = MiniLmEmbeddingGenerator.ModelId }),
            TimeProvider.System);
        var embed = new EmbedArtistHandler(artists, fixture.Generator, index);
        foreach (var (artist, _) in population)
        {
            await embed.HandleAsync(new WorkItem($"embed:{artist.Id}:1", WorkKinds.EmbedArtist, artist.Id.Value), CancellationToken.None);
        }

        using var customers = new CustomerDirectory(Substitute.For<IJournal>(), Substitute.For<ILeadStore>());
        var sut = new LookalikeQuery(index, artists, customers);
        var random = new Random(7);
        var precisions = new List<double>();
        foreach (var scene in ArtistPopulation.Scenes)
        {
            var members = population.Where(p => p.Scene == scene).Select(p => p.Artist.Id).ToList();
            var seeds = members.OrderBy(_ => random.Next()).Take(SeedsPerQuery).ToList();

            var result = await sut.FindAsync(new LookalikeRequest(Top: 10, Seeds: seeds));

            result.Artists.Count.ShouldBe(10);
            result.Artists.ShouldAllBe(a => !seeds.Contains(new ArtistId(a.ArtistId)));
            var precision = result.Artists.Count(a => byId[new ArtistId(a.ArtistId)].Scene == scene) / 10d;
            output.WriteLine($"{scene.Name}: precision@10 = {precision:F2}");
            precisions.Add(precision);
        }

        var mean = precisions.Average();
        output.WriteLine($"mean precision@10 = {mean:F3} over {ArtistPopulation.Scenes.Length} scenes, {population.Count} artists");
        mean.ShouldBeGreaterThanOrEqualTo(0.9);
        precisions.Min().ShouldBeGreaterThanOrEqualTo(0.7);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

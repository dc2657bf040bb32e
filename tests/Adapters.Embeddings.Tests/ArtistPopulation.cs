using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Embeddings.Tests;

/// <summary>
/// A generated population with known ground truth: scenes (a genre, a country, a bio vocabulary),
/// artists drawn from them with a seeded <see cref="Random"/>, and bios mixing the scene's words with
/// phrases every artist uses, so that a scene is recognisable but never trivially so.
/// </summary>
internal static class ArtistPopulation
{
    public sealed record Scene(string Name, string Country, string[] Genres, string[] Words);

    public static readonly Scene[] Scenes =
    [
        new("jazz", "FR", ["jazz", "bebop"], ["saxophone solos", "swing standards", "improvisation", "a late-night club", "the double bass", "brushes on the snare"]),
        new("techno", "DE", ["techno", "electronic"], ["modular synthesizers", "warehouse raves", "a four-on-the-floor kick", "hypnotic loops", "the Berlin underground", "drum machines"]),
        new("hiphop", "US", ["hip hop", "rap"], ["mixtapes", "freestyle verses", "boom-bap beats", "sharp bars", "street stories", "sampled breaks"]),
        new("metal", "NO", ["black metal", "metal"], ["tremolo riffs", "blast beats", "distorted guitars", "screamed vocals", "frozen forests", "heavy drums"]),
        new("folk", "IE", ["folk", "traditional"], ["the fiddle", "acoustic guitar", "old ballads", "tin whistle tunes", "pub sessions", "storytelling songs"]),
        new("classical", "AT", ["classical", "orchestral"], ["piano concertos", "string quartets", "the symphony orchestra", "Mozart and Schubert", "chamber music", "concert halls"]),
        new("reggae", "JM", ["reggae", "dub"], ["offbeat skank guitar", "deep bass lines", "roots and culture", "sound systems", "echo-drenched dub mixes", "Kingston yards"]),
        new("kpop", "KR", ["k-pop", "pop"], ["idol choreography", "catchy hooks", "a fan community", "glossy music videos", "synchronised dance", "Seoul stages"]),
    ];

    private static readonly string[] Shared =
    [
        "Independent artist releasing music since {0}.",
        "New single out now on every platform.",
        "Available for bookings and festivals.",
        "Touring this year with a new live show.",
    ];

    private static readonly string[] Syllables = ["lu", "na", "ko", "ra", "vel", "mi", "do", "sa", "ter", "ion", "ka", "zu", "bel", "or"];

    /// <summary><paramref name="perScene"/> artists per scene, with which scene each belongs to.</summary>
    public static IReadOnlyList<(Artist Artist, Scene Scene)> Create(int perScene, int seed)
    {
        var random = new Random(seed);
        var population = new List<(Artist, Scene)>();
        foreach (var scene in Scenes)
        {
            for (var i = 0; i < perScene; i++)
            {
                var key = $"{scene.Name}-{i}";
                var provenance = new Provenance(SourceKind.Import, $"src-{key}", Samples.Epoch);
                var words = scene.Words.OrderBy(_ => random.Next()).Take(3).ToArray();
                var bio = $"{Name(random)} makes music with {words[0]} and {words[1]}, known for {words[2]}. "
                    + string.Format(System.Globalization.CultureInfo.InvariantCulture, Shared[random.Next(Shared.Length)], 2010 + random.Next(15))
                    + " " + Shared[random.Next(Shared.Length)].Replace("{0}", "2020", StringComparison.Ordinal);
                population.Add((new Artist
                {
                    Id = ArtistId.ForSource(SourceKind.Import, key),
                    Name = new Sourced<string>(Name(random), provenance),
                    Bio = new Sourced<string>(bio, provenance),
                    Country = new Sourced<CountryCode>(new CountryCode(scene.Country), provenance),
                    Genres = new Sourced<IReadOnlyList<string>>(scene.Genres.Take(1 + random.Next(scene.Genres.Length)).ToList(), provenance),
                    CreatedAt = Samples.Epoch,
                    UpdatedAt = Samples.Epoch,
                    Version = 1,
                }, scene));
            }
        }

        return population;
    }

    private static string Name(Random random)
    {
        var name = string.Concat(Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Syllables[random.Next(Syllables.Length)]));
        return char.ToUpperInvariant(name[0]) + name[1..];
    }
}

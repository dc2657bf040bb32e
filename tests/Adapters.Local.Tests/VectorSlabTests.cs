using MonaSpark.Adapters.Local.Vectors;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;
using Shouldly;
using Xunit;

namespace MonaSpark.Adapters.Local.Tests;

/// <summary>The int8 scan with float32 rescoring against the exact scan, on random unit vectors.</summary>
public sealed class VectorSlabTests
{
    [Fact]
    public void Search_Int8Rescored_RecallsTheExactTop10()
    {
        var random = new Random(11);
        var slab = new VectorSlab();
        for (var i = 0; i < 5_000; i++)
        {
            slab.Upsert(new VectorEntry(ArtistId.ForSource(SourceKind.Import, $"r{i}"), RandomVector(random), null, []));
        }

        var hits = 0;
        const int Queries = 50;
        for (var q = 0; q < Queries; q++)
        {
            var query = slab.Normalised(RandomVector(random), "query");
            var exact = slab.Search(query, 10, null, VectorSearchMode.Exact, 4).Select(m => m.Slot).ToHashSet();
            var approximate = slab.Search(query, 10, null, VectorSearchMode.Int8Rescored, 4);

            hits += approximate.Count(m => exact.Contains(m.Slot));
        }

        (hits / (Queries * 10d)).ShouldBeGreaterThanOrEqualTo(0.99);
    }

    [Fact]
    public void DotInt8_MatchesTheScalarSum()
    {
        var random = new Random(3);
        var a = Enumerable.Range(0, 389).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var b = Enumerable.Range(0, 389).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();

        VectorSlab.DotInt8(a, b).ShouldBe(a.Zip(b).Sum(p => p.First * p.Second));
    }

    private static float[] RandomVector(Random random) => [.. Enumerable.Range(0, 384).Select(_ => (float)((random.NextDouble() * 2) - 1))];
}

using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Application.Lookalikes;

/// <summary>
/// Use case: "the artists most like these customers". The seeds' embeddings are normalised and
/// averaged; the index is searched around that centroid with the optional country and genre filter;
/// the seeds themselves, and entries whose artist no longer exists or was merged away, are left out.
/// Without seeds, the customers (<see cref="CustomerDirectory"/>) seed the search.
/// </summary>
public sealed class LookalikeQuery(IVectorIndex index, IArtistStore artists, CustomerDirectory customers)
{
    public const int DefaultTop = 10;

    public const int MaxTop = 100;

    /// <summary>Seeds averaged at most: past a few hundred the centroid barely moves.</summary>
    public const int MaxSeeds = 500;

    /// <summary>Extra matches asked of the index beyond the seeds, for stale entries dropped on the way.</summary>
    private const int Margin = 10;

    /// <exception cref="ArgumentException">Top is not 1–<see cref="MaxTop"/>, or more than <see cref="MaxSeeds"/> seeds.</exception>
    public async Task<LookalikeResult> FindAsync(LookalikeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Top, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Top, MaxTop);
        var requested = request.Seeds is { Count: > 0 } given ? given.Distinct().ToList() : null;
        if (requested?.Count > MaxSeeds)
        {
            throw new ArgumentException($"At most {MaxSeeds} seeds.", nameof(request));
        }

        var seeds = requested ?? await customers.ListAsync(MaxSeeds, cancellationToken);
        var entries = seeds.Count == 0 ? [] : await index.GetAsync(seeds, cancellationToken);
        if (Centroid(entries) is not { } centroid)
        {
            return new LookalikeResult(seeds.Count, entries.Count, []);
        }

        var filter = request.Country is null && request.Genres is not { Count: > 0 } ? null : new VectorFilter(request.Country, request.Genres);
        var excluded = seeds.ToHashSet();
        var matches = await index.SearchAsync(centroid, request.Top + excluded.Count + Margin, filter, cancellationToken);
        // One read at a time, and only until Top are found: a page of many seeds must not fan out
        // hundreds of concurrent store reads.
        var lookalikes = new List<Lookalike>(request.Top);
        foreach (var match in matches.Where(m => !excluded.Contains(m.ArtistId)))
        {
            if (await artists.GetAsync(match.ArtistId, cancellationToken) is { MergedInto: null } artist)
            {
                lookalikes.Add(new Lookalike(match.ArtistId.Value, artist.Name.Value, Math.Round(match.Similarity, 4)));
                if (lookalikes.Count == request.Top)
                {
                    break;
                }
            }
        }

        return new LookalikeResult(seeds.Count, entries.Count, lookalikes);
    }

    /// <summary>The mean of the normalised vectors; null when there are none or they cancel out.</summary>
    internal static float[]? Centroid(IReadOnlyList<VectorEntry> entries)
    {
        if (entries.Count == 0)
        {
            return null;
        }

        var sum = new double[entries[0].Vector.Length];
        foreach (var entry in entries)
        {
            var vector = entry.Vector.Span;
            if (vector.Length != sum.Length)
            {
                throw new InvalidOperationException("The index returned vectors of different dimensions.");
            }

            var norm = 0d;
            foreach (var x in vector)
            {
                norm += x * (double)x;
            }

            norm = Math.Sqrt(norm);
            for (var i = 0; norm > 0 && i < sum.Length; i++)
            {
                sum[i] += vector[i] / norm;
            }
        }

        var length = Math.Sqrt(sum.Sum(x => x * x));
        return length < 1e-9 ? null : sum.Select(x => (float)(x / length)).ToArray();
    }
}

/// <summary>A lookalike search.</summary>
/// <param name="Top">How many artists, 1–<see cref="LookalikeQuery.MaxTop"/>.</param>
/// <param name="Country">Only artists from this country (ISO 3166-1 alpha-2).</param>
/// <param name="Genres">Only artists with any of these genres.</param>
/// <param name="Seeds">The artists to look like; null or empty for the customers.</param>
public sealed record LookalikeRequest(
    int Top = LookalikeQuery.DefaultTop,
    string? Country = null,
    IReadOnlyList<string>? Genres = null,
    IReadOnlyList<ArtistId>? Seeds = null);

/// <summary>The answer: how many seeds were asked for and how many had an embedding, and the lookalikes, most similar first.</summary>
public sealed record LookalikeResult(int Seeds, int SeedsEmbedded, IReadOnlyList<Lookalike> Artists);

/// <summary>One artist like the seeds, with its cosine similarity to their centroid.</summary>
public sealed record Lookalike(string ArtistId, string Name, double Similarity);

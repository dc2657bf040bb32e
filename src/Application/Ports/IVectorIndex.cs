using MonaSpark.Domain.Artists;

namespace MonaSpark.Application.Ports;

/// <summary>
/// Similarity search over artist embeddings, with filters by country and genre. Similarity is cosine:
/// vectors need not be normalised, and a match's <see cref="VectorMatch.Similarity"/> is in [−1, 1].
/// One index holds the vectors of one embedding model (one dimension count); an entry of another
/// dimension is refused. Upsert and delete are idempotent.
/// </summary>
public interface IVectorIndex
{
    /// <summary>Adds or replaces the entries, by artist id.</summary>
    /// <exception cref="ArgumentException">A vector is empty, all zeros, or not of the index's dimension count.</exception>
    Task UpsertAsync(IReadOnlyList<VectorEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="top"/> entries most similar to <paramref name="query"/> that pass
    /// <paramref name="filter"/>, most similar first, ties broken by artist id.
    /// </summary>
    Task<IReadOnlyList<VectorMatch>> SearchAsync(ReadOnlyMemory<float> query, int top, VectorFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>Removes the artist's entry; nothing happens when there is none.</summary>
    Task DeleteAsync(ArtistId artistId, CancellationToken cancellationToken = default);

    /// <summary>The stored entries of those of <paramref name="artistIds"/> that have one, in no particular order (the seeds of a lookalike search).</summary>
    Task<IReadOnlyList<VectorEntry>> GetAsync(IReadOnlyCollection<ArtistId> artistIds, CancellationToken cancellationToken = default);

    /// <summary>How many entries the index holds.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);
}

/// <summary>One artist's embedding with the fields searches filter on.</summary>
/// <param name="Country">ISO 3166-1 alpha-2, upper case; null when unknown.</param>
/// <param name="Genres">Genres, lower case (<see cref="VectorFilter.Normalise"/>).</param>
public sealed record VectorEntry(ArtistId ArtistId, ReadOnlyMemory<float> Vector, string? Country, IReadOnlyList<string> Genres)
{
    /// <summary>A hash of what the vector was computed from (model and text), stored with it so an unchanged profile is not embedded again; null when unknown.</summary>
    public string? ContentHash { get; init; }
}

/// <summary>A search result: cosine similarity in [−1, 1].</summary>
public sealed record VectorMatch(ArtistId ArtistId, double Similarity);

/// <summary>Restricts a search to one country and/or to entries with any of the genres.</summary>
/// <param name="Country">ISO 3166-1 alpha-2 (any case); null for every country.</param>
/// <param name="AnyGenre">Genres (any case); null or empty for every genre.</param>
public sealed record VectorFilter(string? Country, IReadOnlyList<string>? AnyGenre)
{
    /// <summary>The form genres are stored and compared in: trimmed, lower case (invariant).</summary>
    public static string Normalise(string genre)
    {
        ArgumentNullException.ThrowIfNull(genre);
        return genre.Trim().ToLowerInvariant();
    }
}

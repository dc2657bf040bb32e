using MonaSpark.Domain.Artists;

namespace MonaSpark.Application.Ports;

/// <summary>Similarity search over artist embeddings, with filters by country and genre.</summary>
public interface IVectorIndex
{
    Task UpsertAsync(IReadOnlyList<VectorEntry> entries, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<VectorMatch>> SearchAsync(ReadOnlyMemory<float> query, int top, VectorFilter? filter = null, CancellationToken cancellationToken = default);

    Task DeleteAsync(ArtistId artistId, CancellationToken cancellationToken = default);
}

public sealed record VectorEntry(ArtistId ArtistId, ReadOnlyMemory<float> Vector, string? Country, IReadOnlyList<string> Genres);

public sealed record VectorMatch(ArtistId ArtistId, double Similarity);

public sealed record VectorFilter(string? Country, IReadOnlyList<string>? AnyGenre);

namespace MonaSpark.Application.Ports;

/// <summary>
/// What the outcomes say to look for next: connectors that search (Spotify) add queries for these
/// genres to the ones configured, so sourcing drifts towards artists like the ones who became
/// customers. Optional: a host without a vector index registers none and connectors search as configured.
/// </summary>
public interface ISourcingHints
{
    /// <summary>Up to <paramref name="max"/> genres, most telling first; empty when there is nothing to learn from yet.</summary>
    Task<IReadOnlyList<string>> GenresAsync(int max, CancellationToken cancellationToken = default);
}

using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Resolution;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Application.Ports;

/// <summary>
/// Artists and their metric snapshots. A save writes the artist, its new snapshots and the events
/// that explain the change in one unit of work (the journal is the outbox).
/// </summary>
public interface IArtistStore
{
    Task<Artist?> GetAsync(ArtistId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The artist that owns the profile <paramref name="externalId"/> on <paramref name="platform"/>, if
    /// any; when the owner is a tombstone (<see cref="Artist.MergedInto"/>), its survivor.
    /// </summary>
    Task<Artist?> FindByProfileAsync(SourceKind platform, string externalId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="max"/> artists whose name has the key <paramref name="nameKey"/>
    /// (<see cref="Domain.Resolution.NameKey"/>, computed by the store at save), tombstones replaced by
    /// their survivors, each once.
    /// </summary>
    Task<IReadOnlyList<Artist>> FindByNameKeyAsync(string nameKey, int max, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="FindByNameKeyAsync"/>, for artists with a profile or site at <paramref name="link"/> (<see cref="Domain.Resolution.MatchKeys.Link"/>).</summary>
    Task<IReadOnlyList<Artist>> FindByLinkAsync(Uri link, int max, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="FindByNameKeyAsync"/>, for artists with the e-mail address <paramref name="email"/> (case-insensitive).</summary>
    Task<IReadOnlyList<Artist>> FindByEmailAsync(string email, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// The candidates for resolution under any of <paramref name="keys"/> (values as
    /// <see cref="MatchKeys"/> computes them): for each key, up to <paramref name="max"/> artists, as
    /// <see cref="FindByNameKeyAsync"/> would return them; tombstones replaced by their survivors; the
    /// union, each artist once, in no particular order. One round trip where the store allows it.
    /// </summary>
    Task<IReadOnlyList<Artist>> FindCandidatesAsync(IReadOnlyList<MatchKey> keys, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts (when <see cref="Artist.Version"/> is 0) or updates the artist, appends the snapshots
    /// (a snapshot already stored for the same artist, platform and time is ignored) and appends
    /// <paramref name="events"/> to the journal, atomically.
    /// </summary>
    /// <returns>The artist as stored, with its new version.</returns>
    /// <exception cref="ConcurrencyException">The stored version is not <see cref="Artist.Version"/>.</exception>
    Task<Artist> SaveAsync(Artist artist, IReadOnlyList<MetricSnapshot> snapshots, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Snapshots of the artist observed at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<MetricSnapshot>> GetSnapshotsAsync(ArtistId id, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Artists stored, tombstones of merged artists not included.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);
}

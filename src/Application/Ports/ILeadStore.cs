using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Leads;

namespace MonaSpark.Application.Ports;

/// <summary>Leads: funnel stage, latest score and priority per artist.</summary>
public interface ILeadStore
{
    Task<Lead?> GetAsync(ArtistId artistId, CancellationToken cancellationToken = default);

    /// <summary>Inserts (version 0) or updates the lead and appends <paramref name="events"/>, atomically.</summary>
    /// <exception cref="ConcurrencyException">The stored version is not <see cref="Lead.Version"/>.</exception>
    Task<Lead> SaveAsync(Lead lead, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Scored leads by descending priority, ties broken by artist id.</summary>
    Task<IReadOnlyList<Lead>> TopByPriorityAsync(int count, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="max"/> leads in any of <paramref name="stages"/>, by artist id (ordinal):
    /// the customers that seed a lookalike search.
    /// </summary>
    Task<IReadOnlyList<Lead>> ListByStageAsync(IReadOnlyCollection<FunnelStage> stages, int max, CancellationToken cancellationToken = default);

    /// <summary>How many leads are in each funnel stage.</summary>
    Task<IReadOnlyDictionary<FunnelStage, long>> CountByStageAsync(CancellationToken cancellationToken = default);
}

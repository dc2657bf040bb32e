using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Leads;

namespace MonaSpark.Application.Lookalikes;

/// <summary>
/// Who the customers are: artists whose lead is in a customer stage, and artists with a
/// <see cref="SignupCompleted"/> or <see cref="PaymentSucceeded"/> in the journal (a stage may lag its
/// events). The journal part is followed incrementally from the last position read, so after the first
/// call each call reads only the new events; erasures and merges are applied as they come.
/// One per process (a singleton): the first call on a long journal reads it whole.
/// </summary>
public sealed class CustomerDirectory(IJournal journal, ILeadStore leads) : IDisposable
{
    /// <summary>The funnel stages of an artist who signed up and has not left.</summary>
    public static readonly IReadOnlyList<FunnelStage> CustomerStages = [FunnelStage.SignedUp, FunnelStage.Onboarded, FunnelStage.Customer];

    /// <summary>Journal entries read per round trip.</summary>
    public const int PageSize = 1_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<ArtistId> _fromJournal = [];
    private long _position;

    /// <summary>Up to <paramref name="max"/> customers, by artist id (ordinal).</summary>
    public async Task<IReadOnlyList<ArtistId>> ListAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var staged = await leads.ListByStageAsync([.. CustomerStages], max, cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await CatchUpAsync(cancellationToken);
            // Simulated artists (demo outcomes) are nobody's customers.
            return staged.Select(l => l.ArtistId)
                .Concat(_fromJournal)
                .Where(id => !id.IsSimulated)
                .Distinct()
                .Order(Comparer<ArtistId>.Create((a, b) => string.CompareOrdinal(a.Value, b.Value)))
                .Take(max)
                .ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await journal.ReadAsync(_position, PageSize, cancellationToken);
            foreach (var entry in page)
            {
                Apply(entry.Event);
                _position = entry.Position;
            }

            if (page.Count < PageSize)
            {
                return;
            }
        }
    }

    private void Apply(DomainEvent @event)
    {
        if (!ArtistId.TryParse(@event.StreamId, out var artist))
        {
            return;
        }

        switch (@event)
        {
            case SignupCompleted or PaymentSucceeded:
                _fromJournal.Add(artist);
                break;
            case DataErased:
                _fromJournal.Remove(artist);
                break;
            case ArtistMerged merged when ArtistId.TryParse(merged.MergedArtistId, out var gone) && _fromJournal.Remove(gone):
                // The customer lives on as the survivor.
                _fromJournal.Add(artist);
                break;
        }
    }
}

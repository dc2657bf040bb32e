using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Application.Lookalikes;

/// <summary>
/// Sourcing hints from the customers and the artists most like them: their genres, each weighted by
/// how close the artist is to the customers (a customer counts 1, a lookalike its similarity), most
/// weight first. Recomputed at most every <see cref="RefreshInterval"/>: connectors ask on every page.
/// </summary>
public sealed class LookalikeSourcingHints(LookalikeQuery lookalikes, CustomerDirectory customers, IArtistStore artists, TimeProvider time) : ISourcingHints, IDisposable
{
    /// <summary>Lookalikes read per computation.</summary>
    public const int Lookalikes = 50;

    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (IReadOnlyList<string> Genres, DateTimeOffset At)? _cached;

    public async Task<IReadOnlyList<string>> GenresAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is not { } cached || time.GetUtcNow() - cached.At >= RefreshInterval)
            {
                cached = (await ComputeAsync(cancellationToken), time.GetUtcNow());
                _cached = cached;
            }

            return cached.Genres.Take(max).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<IReadOnlyList<string>> ComputeAsync(CancellationToken cancellationToken)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var id in await customers.ListAsync(LookalikeQuery.MaxSeeds, cancellationToken))
        {
            Add(weights, await artists.GetAsync(id, cancellationToken), 1.0);
        }

        if (weights.Count == 0)
        {
            return [];
        }

        var like = await lookalikes.FindAsync(new LookalikeRequest(Lookalikes), cancellationToken);
        foreach (var lookalike in like.Artists)
        {
            Add(weights, await artists.GetAsync(new ArtistId(lookalike.ArtistId), cancellationToken), Math.Max(0, lookalike.Similarity));
        }

        return weights.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Select(w => w.Key).ToList();
    }

    private static void Add(Dictionary<string, double> weights, Artist? artist, double weight)
    {
        foreach (var genre in artist?.Genres?.Value ?? [])
        {
            var key = genre.Trim().ToLowerInvariant();
            if (key.Length > 0)
            {
                weights[key] = weights.GetValueOrDefault(key) + weight;
            }
        }
    }
}

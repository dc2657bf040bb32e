using MonaSpark.Application.Ports;

namespace MonaSpark.Application.Projections;

/// <summary>
/// Keeps projections up to date: reads the journal from each one's checkpoint, applies the events,
/// and saves the changed rows with the new checkpoint, a page at a time. Each row remembers the last
/// position it reflects, so a save cut short (rows ahead of the checkpoint) is never applied twice.
/// <see cref="RebuildAsync"/> resets a projection and replays the whole journal.
/// </summary>
public sealed class ProjectionRunner(IJournal journal, IReadModelStore store, IEnumerable<IProjection> projections)
{
    /// <summary>Journal entries read per page (and rows saved per checkpoint).</summary>
    public const int PageSize = 500;

    public IReadOnlyList<IProjection> Projections { get; } = [.. projections];

    /// <summary>Brings every projection up to the journal's head; returns the events applied per projection.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CatchUpAllAsync(CancellationToken cancellationToken = default)
    {
        var applied = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var projection in Projections)
        {
            applied[projection.Name] = await CatchUpAsync(projection, cancellationToken);
        }

        return applied;
    }

    public async Task<int> CatchUpAsync(IProjection projection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var checkpoint = await store.GetCheckpointAsync(projection.Name, cancellationToken);
        var applied = 0;
        while (await journal.ReadAsync(checkpoint, PageSize, cancellationToken) is { Count: > 0 } page)
        {
            var dirty = new Dictionary<string, ReadModelRow>(StringComparer.Ordinal);
            foreach (var entry in page)
            {
                foreach (var key in projection.KeysOf(entry.Event).Distinct(StringComparer.Ordinal))
                {
                    var current = dirty.TryGetValue(key, out var row) ? row : await store.GetAsync(projection.Name, key, cancellationToken);
                    if (current is not null && current.Position >= entry.Position)
                    {
                        continue; // applied by a save that stopped before its checkpoint
                    }

                    dirty[key] = new ReadModelRow(key, projection.Apply(key, current?.Json, entry), entry.Position);
                    applied++;
                }
            }

            checkpoint = page[^1].Position;
            await store.SaveAsync(projection.Name, [.. dirty.Values], checkpoint, cancellationToken);
        }

        return applied;
    }

    /// <summary>Deletes the projection's rows and checkpoint, then replays the journal from the start.</summary>
    public async Task<int> RebuildAsync(IProjection projection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projection);
        await store.ResetAsync(projection.Name, cancellationToken);
        return await CatchUpAsync(projection, cancellationToken);
    }
}

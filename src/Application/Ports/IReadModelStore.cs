namespace MonaSpark.Application.Ports;

/// <summary>
/// Read models (CQRS): documents a projection derives from the journal, by projection and key, with
/// the journal position the projection has reached. Rows and the checkpoint are saved together, so a
/// projector that stops half-way resumes from the last saved position.
/// </summary>
public interface IReadModelStore
{
    /// <summary>The last journal position the projection applied (0: none).</summary>
    Task<long> GetCheckpointAsync(string projection, CancellationToken cancellationToken = default);

    /// <summary>Upserts <paramref name="rows"/> and moves the checkpoint to <paramref name="checkpoint"/> (atomically where the store can).</summary>
    Task SaveAsync(string projection, IReadOnlyList<ReadModelRow> rows, long checkpoint, CancellationToken cancellationToken = default);

    Task<ReadModelRow?> GetAsync(string projection, string key, CancellationToken cancellationToken = default);

    /// <summary>Rows of the projection by key (ordinal), at most <paramref name="maxCount"/>.</summary>
    Task<IReadOnlyList<ReadModelRow>> ListAsync(string projection, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Deletes every row and the checkpoint of the projection (before a rebuild).</summary>
    Task ResetAsync(string projection, CancellationToken cancellationToken = default);
}

/// <summary>One read-model document: its key, its JSON, and the journal position it reflects (replays at or below it are skipped).</summary>
public sealed record ReadModelRow(string Key, string Json, long Position);

namespace MonaSpark.Application.Ports;

/// <summary>
/// Where each source connector is in its sync: the cursor to resume from and when its last full
/// pass completed, so a re-run resumes instead of refetching and skips a source that is still fresh.
/// </summary>
public interface ISourceCursorStore
{
    Task<SourceCursor?> GetAsync(string connectorKey, CancellationToken cancellationToken = default);

    /// <summary>Stores the cursor, replacing the previous one for the same connector.</summary>
    Task SetAsync(SourceCursor cursor, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SourceCursor>> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>A connector's sync position.</summary>
/// <param name="ConnectorKey">Stable key of the connector (e.g. <c>spotify</c>, <c>web</c>).</param>
/// <param name="Cursor">Where the next page starts; null to start from the beginning.</param>
/// <param name="UpdatedAt">When the cursor last moved.</param>
/// <param name="LastCompletedAt">When the connector last reached its end; null if it never has.</param>
public sealed record SourceCursor(string ConnectorKey, string? Cursor, DateTimeOffset UpdatedAt, DateTimeOffset? LastCompletedAt);

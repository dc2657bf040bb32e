using MonaSpark.Domain.Sources;

namespace MonaSpark.Application.Ports;

/// <summary>
/// Fetches raw records from one source, incrementally from a cursor. Connectors return payloads as
/// the source gave them; validation and resolution happen in the core.
/// </summary>
public interface ISourceConnector
{
    SourceKind Source { get; }

    /// <summary>Stable key for this connector's cursor (several connectors may share a source kind, e.g. web crawls).</summary>
    string Key => Source.ToString().ToLowerInvariant();

    Task<SourceBatch> FetchAsync(string? cursor, int maxRecords, CancellationToken cancellationToken = default);
}

/// <summary>
/// A source whose records are fetched one at a time, each as its own work item (web pages): a sync
/// lists references (<see cref="SourceBatch.Deferred"/>), and the <c>fetch-page</c> handler asks for
/// each one outside any unit of work, so a slow page holds no lock and a failing page is retried alone.
/// </summary>
public interface IDeferredSourceConnector : ISourceConnector
{
    /// <summary>Fetches the record behind <paramref name="reference"/>, one listed in a <see cref="SourceBatch.Deferred"/>.</summary>
    /// <exception cref="SourceRefusedException">The source refuses this reference for good (policy, not found): no retry can help.</exception>
    Task<RawRecord> FetchOneAsync(string reference, CancellationToken cancellationToken = default);
}

/// <summary>
/// One page of raw records and the cursor to resume from (null when the source is exhausted).
/// <see cref="Deferred"/>: references an <see cref="IDeferredSourceConnector"/> fetches later, one work item each.
/// </summary>
public sealed record SourceBatch(IReadOnlyList<RawRecord> Records, string? NextCursor)
{
    public IReadOnlyList<string> Deferred { get; init; } = [];
}

/// <summary>A source refused a reference for good (robots.txt, the SSRF guard, the allow-list, 4xx, not a page).</summary>
public sealed class SourceRefusedException : Exception
{
    public SourceRefusedException()
    {
    }

    public SourceRefusedException(string message)
        : base(message)
    {
    }

    public SourceRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A raw payload with the source's id for its subject.</summary>
public sealed record RawRecord(string ExternalId, string Payload);

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

/// <summary>One page of raw records and the cursor to resume from (null when the source is exhausted).</summary>
public sealed record SourceBatch(IReadOnlyList<RawRecord> Records, string? NextCursor);

/// <summary>A raw payload with the source's id for its subject.</summary>
public sealed record RawRecord(string ExternalId, string Payload);

using MonaSpark.Application.Ports;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Functions.Tests;

/// <summary>A source (import unless told otherwise) that serves the records a test gives it, in one page, and counts its fetches.</summary>
public sealed class StubSourceConnector(SourceKind source = SourceKind.Import) : ISourceConnector
{
    private volatile IReadOnlyList<RawRecord> _records = [];
    private int _fetches;

    public SourceKind Source => source;

    /// <summary>How many pages were asked of this connector.</summary>
    public int Fetches => Volatile.Read(ref _fetches);

    public void Serve(params RawRecord[] records) => _records = records;

    public Task<SourceBatch> FetchAsync(string? cursor, int maxRecords, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _fetches);
        return Task.FromResult(new SourceBatch(cursor is null ? _records.Take(maxRecords).ToList() : [], null));
    }
}

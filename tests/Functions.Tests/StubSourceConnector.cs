using MonaSpark.Application.Ports;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Functions.Tests;

/// <summary>An import source that serves the records a test gives it, in one page.</summary>
public sealed class StubSourceConnector : ISourceConnector
{
    private volatile IReadOnlyList<RawRecord> _records = [];

    public SourceKind Source => SourceKind.Import;

    public void Serve(params RawRecord[] records) => _records = records;

    public Task<SourceBatch> FetchAsync(string? cursor, int maxRecords, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SourceBatch(cursor is null ? _records.Take(maxRecords).ToList() : [], null));
}

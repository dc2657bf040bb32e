using BenchmarkDotNet.Attributes;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation;

namespace MonaSpark.Benchmarks;

/// <summary>The pure part of processing a record: strict validation and the merge into an artist.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ValidationBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private RawRecord _raw = null!;
    private SourceRecord _record = null!;

    [GlobalSetup]
    public void Setup()
    {
        _raw = SampleRecords.Create(3)[2];
        _record = new SourceRecord(SourceRecord.IdFor(SourceKind.Import, _raw.ExternalId, _raw.Payload), SourceKind.Import, _raw.ExternalId, _raw.Payload, Now);
    }

    [Benchmark]
    public SourceProfile? Validate() => ImportRecordValidator.Validate(_raw.Payload, Now).Value;

    [Benchmark]
    public MergeResult ValidateAndMerge() =>
        ProfileMerger.Merge(null, ArtistId.ForSource(SourceKind.Import, _raw.ExternalId), ImportRecordValidator.Validate(_raw.Payload, Now).Value!, _record, Now);
}

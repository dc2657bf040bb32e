using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Local;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Benchmarks;

/// <summary>The cost of one store call on SQLite, alone and inside a unit of work: where the per-record time goes.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class StoreCallBenchmarks
{
    private string _directory = null!;
    private SqliteDatabase _database = null!;
    private SqliteSourceRecordStore _records = null!;
    private string _id = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "monaspark-bench-" + Guid.NewGuid().ToString("N"));
        _database = new SqliteDatabase(Options.Create(new LocalStorageOptions { DataDirectory = _directory }));
        _records = new SqliteSourceRecordStore(_database, TimeProvider.System);
        var record = new SourceRecord(SourceRecord.IdFor(SourceKind.Import, "x", "{}"), SourceKind.Import, "x", "{}", DateTimeOffset.UnixEpoch);
        _records.AddAsync(record, []).GetAwaiter().GetResult();
        _id = record.Id;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<SourceRecord?> PointReadOwnConnection() => _records.GetAsync(_id);

    [Benchmark(OperationsPerInvoke = 100)]
    public async Task PointReadInUnitOfWork()
    {
        await using var scope = await new SqliteUnitOfWork(_database).BeginAsync();
        for (var i = 0; i < 100; i++)
        {
            await _records.GetAsync(_id);
        }
    }

    [Benchmark]
    public Task StatusWriteOwnTransaction() => _records.SetStatusAsync(_id, SourceRecordStatus.Accepted);
}

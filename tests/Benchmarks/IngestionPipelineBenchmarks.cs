using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MonaSpark.Adapters.Embeddings;
using MonaSpark.Adapters.Local;
using MonaSpark.Application;
using MonaSpark.Application.Ingestion;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Benchmarks;

/// <summary>
/// Records per second validated, resolved and stored on SQLite (goal ≥ 5,000/s on the 2-core
/// machine). Two figures: the core path (the process handler on landed records: validate, resolve,
/// save the artist with its snapshots and events, queue the score) and the whole pipeline (land,
/// queue, lease, process, complete, score).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class IngestionPipelineBenchmarks
{
    private const int Records = 2_000;

    /// <summary>Work items per unit of work, as the local host's pump runs them.</summary>
    private const int Batch = 64;

    private ServiceProvider? _services;
    private string? _directory;
    private IReadOnlyList<RawRecord> _raw = [];
    private IReadOnlyList<string> _landed = [];

    [GlobalSetup]
    public void Setup() => _raw = SampleRecords.Create(Records);

    [IterationSetup(Target = nameof(WholePipeline))]
    public void FreshStore()
    {
        _directory = Path.Combine(Path.GetTempPath(), "monaspark-bench-" + Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddMetrics();
        services.AddOptions();
        services.AddMonaSparkApplication();
        services.AddSqliteStorage(o => o.DataDirectory = _directory);
        services.AddLocalEmbeddings();
        _services = services.BuildServiceProvider();
        _services.GetRequiredService<SqliteDatabase>().EnsureCreated();
    }

    [IterationSetup(Target = nameof(ValidateResolveStore))]
    public void FreshStoreWithLandedRecords()
    {
        FreshStore();
        var ingestion = _services!.GetRequiredService<RecordIngestion>();
        _landed = _raw.Select(raw => ingestion.IngestAsync(SourceKind.Import, raw).GetAwaiter().GetResult().SourceRecordId).ToList();
    }

    [IterationCleanup]
    public void DropStore()
    {
        _services?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory!, recursive: true);
    }

    /// <summary>Validate, resolve and store, on records already landed.</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    public async Task ValidateResolveStore()
    {
        var handler = _services!.GetServices<IWorkItemHandler>().Single(h => h.Kind == WorkKinds.ProcessSourceRecord);
        var unitOfWork = _services!.GetRequiredService<IUnitOfWork>();
        foreach (var batch in _landed.Chunk(Batch))
        {
            await using var scope = await unitOfWork.BeginAsync();
            foreach (var id in batch)
            {
                await scope.IsolateAsync(async () =>
                {
                    await handler.HandleAsync(new WorkItem($"process:{id}", WorkKinds.ProcessSourceRecord, id), CancellationToken.None);
                    return true;
                });
            }

            await scope.CommitAsync();
        }
    }

    /// <summary>Land, queue, lease, validate, resolve, store, score, complete: everything the demo does per record.</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    public async Task WholePipeline()
    {
        var ingestion = _services!.GetRequiredService<RecordIngestion>();
        foreach (var raw in _raw)
        {
            await ingestion.IngestAsync(SourceKind.Import, raw);
        }

        var runner = _services!.GetRequiredService<QueuedWorkRunner>();
        while (await runner.RunBatchAsync(Batch) > 0)
        {
        }
    }
}

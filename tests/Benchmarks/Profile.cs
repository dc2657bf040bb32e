using System.Diagnostics;
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

/// <summary><c>profile</c>: runs the ingestion pipeline once with every storage port timed, and prints where the time went.</summary>
internal static class Profile
{
    public static async Task RunAsync(int records)
    {
        var directory = Path.Combine(Path.GetTempPath(), "monaspark-profile-" + Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddMetrics();
        services.AddMonaSparkApplication();
        services.AddSqliteStorage(o => o.DataDirectory = directory);
        services.AddLocalEmbeddings();
        Decorate<IArtistStore>(services);
        Decorate<ISourceRecordStore>(services);
        Decorate<ILeadStore>(services);
        Decorate<IWorkQueue>(services);
        Decorate<IQuarantineStore>(services);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<SqliteDatabase>().EnsureCreated();
        var ingestion = provider.GetRequiredService<RecordIngestion>();
        var raw = SampleRecords.Create(records);
        var clock = Stopwatch.StartNew();
        foreach (var r in raw)
        {
            await ingestion.IngestAsync(SourceKind.Import, r);
        }

        var landed = clock.Elapsed;
        var runner = provider.GetRequiredService<QueuedWorkRunner>();
        while (await runner.RunBatchAsync(64) > 0)
        {
        }

        Console.WriteLine($"{records} records: landed in {landed.TotalMilliseconds:F0} ms, processed and scored in {(clock.Elapsed - landed).TotalMilliseconds:F0} ms");
        foreach (var (name, (calls, ticks)) in Totals().OrderByDescending(t => t.Value.Ticks))
        {
            Console.WriteLine($"{name,-45} {calls,7} calls {TimeSpan.FromTicks(ticks * TimeSpan.TicksPerSecond / Stopwatch.Frequency).TotalMilliseconds,9:F1} ms {ticks * 1_000_000.0 / Stopwatch.Frequency / calls,8:F1} µs/call");
        }
    }

    private static void Decorate<T>(IServiceCollection services)
        where T : class
    {
        var descriptor = services.Last(d => d.ServiceType == typeof(T));
        services.Add(ServiceDescriptor.Singleton<T>(sp => PortTimings<T>.Wrap((T)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!))));
    }

    private static IEnumerable<KeyValuePair<string, (long Calls, long Ticks)>> Totals() =>
        PortTimings<IArtistStore>.Totals.Concat(PortTimings<ISourceRecordStore>.Totals).Concat(PortTimings<ILeadStore>.Totals)
            .Concat(PortTimings<IWorkQueue>.Totals).Concat(PortTimings<IQuarantineStore>.Totals);
}

using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Local;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Options;
using MonaSpark.Application.Work;

namespace MonaSpark.LocalHost.Hosting;

/// <summary>
/// The local host's stand-in for the Functions queue trigger: a few workers take items from the
/// SQLite work queue and run them through the same runner and dispatcher.
/// </summary>
internal sealed partial class WorkQueuePump(
    IServiceProvider services,
    IOptions<WorkQueueOptions> options,
    TimeProvider time,
    ILogger<WorkQueuePump> logger) : BackgroundService
{
    /// <summary>Workers in parallel: SQLite has one writer at a time, so more adds contention, not throughput.</summary>
    public const int Workers = 2;

    /// <summary>Items per unit of work: one commit per batch, and the write lock is held for a few milliseconds only.</summary>
    public const int BatchSize = 64;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (services.GetRequiredService<IWorkQueue>() is SqliteWorkQueue queue)
        {
            // A host killed mid-item left leases nobody will settle: its items go again now, not after their timeout.
            var released = await queue.ReleaseLeasesAsync(stoppingToken);
            if (released > 0)
            {
                LogReleased(logger, released);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => RunWorkerAsync(stoppingToken)));
    }

    private async Task RunWorkerAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var runner = services.GetRequiredService<QueuedWorkRunner>();
        var idle = options.Value.IdlePollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await runner.RunBatchAsync(BatchSize, stoppingToken) == 0)
                {
                    await Task.Delay(idle, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The queue itself failed (disk full, locked database): back off, keep the host up.
                LogPumpFailed(logger, ex);
                await Task.Delay(idle * 10, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} work items left leased by the previous run were released")]
    private static partial void LogReleased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The work queue pump failed; retrying")]
    private static partial void LogPumpFailed(ILogger logger, Exception exception);
}

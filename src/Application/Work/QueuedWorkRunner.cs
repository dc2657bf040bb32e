using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;

namespace MonaSpark.Application.Work;

/// <summary>
/// Takes one item from the work queue, dispatches it, and completes it, or gives it back with an
/// exponential delay so that it is retried and, after its attempts, dead-lettered with the reason.
/// The host decides when to call it (the local host's pump; on Azure the queue trigger does this job).
/// </summary>
public sealed partial class QueuedWorkRunner(
    IWorkQueue queue,
    WorkItemDispatcher dispatcher,
    IUnitOfWork unitOfWork,
    IOptions<WorkQueueOptions> options,
    ILogger<QueuedWorkRunner> logger)
{
    /// <summary>
    /// Items a batch may set aside before it commits whose handler runs them one by one (a page fetch
    /// can take seconds under its politeness delay, and every set-aside lease is ticking). Items whose
    /// handler takes batches (embeddings) are run in one call and do not count.
    /// </summary>
    public const int MaxOutsideItemsPerBatch = 8;

    /// <summary>
    /// Handles up to <paramref name="maxItems"/> visible items in one unit of work (one transaction on
    /// the embedded store), each item isolated in a savepoint: a failing item is undone and given back
    /// alone. A crash before the commit undoes the whole batch and the leases simply expire: nothing is lost.
    /// Items whose handler waits on the network or the CPU for long (<see cref="IWorkItemHandler.RunsOutsideUnitOfWork"/>)
    /// are set aside, at most <see cref="MaxOutsideItemsPerBatch"/> of them, and run one by one after
    /// the commit with no unit of work open, so the write lock is never held across them.
    /// </summary>
    /// <returns>How many items were taken (0 when the queue had none).</returns>
    public async Task<int> RunBatchAsync(int maxItems, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        var taken = 0;
        var outside = new List<WorkLease>();
        var oneByOne = 0;
        await using (var scope = await unitOfWork.BeginAsync(cancellationToken))
        {
            while (taken < maxItems && oneByOne < MaxOutsideItemsPerBatch
                && await queue.LeaseAsync(options.Value.VisibilityTimeout, cancellationToken) is { } lease)
            {
                taken++;
                if (dispatcher.RunsOutsideUnitOfWork(lease.Item.Kind))
                {
                    outside.Add(lease);
                    oneByOne += dispatcher.TakesBatches(lease.Item.Kind) ? 0 : 1;
                    continue;
                }

                await RunAsync(lease, work => scope.IsolateAsync(work, cancellationToken), cancellationToken);
            }

            await scope.CommitAsync(cancellationToken);
        }

        foreach (var group in outside.GroupBy(l => l.Item.Kind))
        {
            var leases = group.ToList();
            if (leases.Count > 1 && dispatcher.TakesBatches(group.Key))
            {
                await RunBatchOfOneKindAsync(leases, cancellationToken);
                continue;
            }

            foreach (var lease in leases)
            {
                await RunAsync(lease, work => work(), cancellationToken);
            }
        }

        return taken;
    }

    /// <summary>Set-aside items of one kind whose handler takes batches: one call, then each item completed or given back.</summary>
    private async Task RunBatchOfOneKindAsync(List<WorkLease> leases, CancellationToken cancellationToken)
    {
        var results = await dispatcher.DispatchBatchAsync([.. leases.Select(l => l.Item)], cancellationToken);
        for (var i = 0; i < leases.Count; i++)
        {
            if (results[i] is { } failure)
            {
                await GiveBackAsync(leases[i], failure, cancellationToken);
                continue;
            }

            try
            {
                await queue.CompleteAsync(leases[i], cancellationToken);
            }
            catch (LeaseLostException lost)
            {
                LogLeaseLost(logger, leases[i].Item.Id, lost);
            }
        }
    }

    private async Task RunAsync(WorkLease lease, Func<Func<Task<bool>>, Task<bool>> isolate, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            await isolate(async () =>
            {
                await dispatcher.DispatchAsync(lease.Item, cancellationToken);
                await queue.CompleteAsync(lease, cancellationToken);
                return true;
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = ex;
        }

        if (failure is not null)
        {
            await GiveBackAsync(lease, failure, cancellationToken);
        }
    }

    private async Task GiveBackAsync(WorkLease lease, Exception ex, CancellationToken cancellationToken)
    {
        var reason = $"{ex.GetType().Name}: {ex.Message}";
        if (ex is PermanentWorkException)
        {
            // An expected, final outcome (a page robots.txt refuses, a kind nobody handles): the reason says it all.
            LogDeadLettered(logger, lease.Item.Kind, lease.Item.Id, ex.Message);
        }
        else
        {
            LogFailed(logger, lease.Item.Kind, lease.Item.Id, lease.Attempt, ex);
        }

        try
        {
            if (ex is PermanentWorkException)
            {
                await queue.DeadLetterAsync(lease, reason, cancellationToken);
            }
            else
            {
                var delay = TimeSpan.FromTicks(options.Value.RetryBaseDelay.Ticks * (1L << Math.Clamp(lease.Attempt - 1, 0, 16)));
                await queue.AbandonAsync(lease, reason, delay, cancellationToken);
            }

            if (ex is PermanentWorkException || lease.Attempt >= options.Value.MaxAttempts)
            {
                // Given up on: the handler settles whatever waits for the item's outcome.
                await dispatcher.NotifyDeadLetteredAsync(lease.Item, reason, cancellationToken);
            }
        }
        catch (LeaseLostException lost)
        {
            // The lease ran out and another worker holds the item now: it is theirs to settle.
            LogLeaseLost(logger, lease.Item.Id, lost);
        }
    }

    /// <summary>Handles the next visible item; false when the queue had none.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken = default) =>
        await RunBatchAsync(1, cancellationToken) > 0;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work item {Id} changed hands before it could be given back")]
    private static partial void LogLeaseLost(ILogger logger, string id, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work item {Kind} {Id} dead-lettered: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string kind, string id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work item {Kind} {Id} failed on attempt {Attempt}")]
    private static partial void LogFailed(ILogger logger, string kind, string id, int attempt, Exception exception);
}

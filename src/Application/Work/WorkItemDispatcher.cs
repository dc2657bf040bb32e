using System.Diagnostics;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Telemetry;

namespace MonaSpark.Application.Work;

/// <summary>
/// Routes a work item to its handler. The local host's queue pump and the Functions app's queue
/// trigger both call this, so a work item runs the same code on either host.
/// </summary>
public sealed class WorkItemDispatcher
{
    private readonly Dictionary<string, IWorkItemHandler> _handlers;
    private readonly MonaSparkTelemetry _telemetry;

    public WorkItemDispatcher(IEnumerable<IWorkItemHandler> handlers, MonaSparkTelemetry telemetry)
    {
        _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        _telemetry = telemetry;
    }

    /// <summary>Whether items of <paramref name="kind"/> must run outside a unit of work (see <see cref="IWorkItemHandler.RunsOutsideUnitOfWork"/>).</summary>
    public bool RunsOutsideUnitOfWork(string kind) => _handlers.TryGetValue(kind, out var handler) && handler.RunsOutsideUnitOfWork;

    /// <summary>The batch handler of <paramref name="kind"/>, if its handler takes batches.</summary>
    public bool TakesBatches(string kind) => _handlers.TryGetValue(kind, out var handler) && handler is IBatchWorkItemHandler;

    /// <summary>Dispatches items of one kind whose handler takes batches; one failure (or null) per item.</summary>
    public async Task<IReadOnlyList<Exception?>> DispatchBatchAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return [];
        }

        var kind = items[0].Kind;
        if (items.Any(i => i.Kind != kind) || !_handlers.TryGetValue(kind, out var handler) || handler is not IBatchWorkItemHandler batch)
        {
            throw new ArgumentException("A batch is items of one kind whose handler takes batches.", nameof(items));
        }

        using var activity = MonaSparkTelemetry.ActivitySource.StartActivity($"Work {kind} ×{items.Count}");
        activity?.SetTag("monaspark.work.kind", kind);
        activity?.SetTag("monaspark.work.count", items.Count);
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<Exception?> results;
        try
        {
            results = await batch.HandleBatchAsync(items, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failure of the whole call is every item's failure.
            results = [.. items.Select(_ => ex)];
        }

        foreach (var result in results)
        {
            var outcome = result is null ? "ok" : result is PermanentWorkException ? "permanent-failure" : "failure";
            _telemetry.WorkItems.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));
        }

        _telemetry.UseCaseDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("usecase", kind));
        return results;
    }

    /// <summary>Tells the item's handler it was dead-lettered (see <see cref="IWorkItemHandler.OnDeadLetteredAsync"/>).</summary>
    public Task NotifyDeadLetteredAsync(WorkItem item, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _handlers.TryGetValue(item.Kind, out var handler) ? handler.OnDeadLetteredAsync(item, reason, cancellationToken) : Task.CompletedTask;
    }

    public async Task DispatchAsync(WorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!_handlers.TryGetValue(item.Kind, out var handler))
        {
            throw new PermanentWorkException($"No handler for work kind '{item.Kind}'.");
        }

        using var activity = MonaSparkTelemetry.ActivitySource.StartActivity($"Work {item.Kind}");
        activity?.SetTag("monaspark.work.kind", item.Kind);
        activity?.SetTag("monaspark.work.id", item.Id);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            await handler.HandleAsync(item, cancellationToken);
        }
        catch (Exception ex)
        {
            outcome = ex is PermanentWorkException ? "permanent-failure" : "failure";
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            var kind = new KeyValuePair<string, object?>("kind", item.Kind);
            _telemetry.WorkItems.Add(1, kind, new KeyValuePair<string, object?>("outcome", outcome));
            _telemetry.UseCaseDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("usecase", item.Kind));
        }
    }
}

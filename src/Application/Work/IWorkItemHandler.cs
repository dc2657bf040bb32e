using MonaSpark.Application.Ports;

namespace MonaSpark.Application.Work;

/// <summary>Handles one kind of work item. Handlers are idempotent: the same item twice changes nothing.</summary>
public interface IWorkItemHandler
{
    /// <summary>The <see cref="WorkItem.Kind"/> this handler takes.</summary>
    string Kind { get; }

    /// <summary>
    /// True for a handler that waits on the network (fetching a page): the runner gives it no unit of
    /// work, so the embedded store's write lock is never held across its I/O (ADR-005); each store
    /// call it makes commits on its own.
    /// </summary>
    bool RunsOutsideUnitOfWork => false;

    Task HandleAsync(WorkItem item, CancellationToken cancellationToken);

    /// <summary>
    /// Called once the item has been given up on (dead-lettered): a handler whose callers wait for an
    /// outcome settles it here (a queued send reports its failure to its journey). Idempotent.
    /// </summary>
    Task OnDeadLetteredAsync(WorkItem item, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// A handler that does several items of its kind better at once (one embedding call for many
/// texts). The local runner gives it the items it set aside from a batch together; the Functions
/// queue trigger, which delivers one message at a time, still calls <see cref="IWorkItemHandler.HandleAsync"/>.
/// </summary>
public interface IBatchWorkItemHandler : IWorkItemHandler
{
    /// <summary>Handles every item; the result has one entry per item, null where it succeeded, else its failure.</summary>
    Task<IReadOnlyList<Exception?>> HandleBatchAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken);
}

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
}

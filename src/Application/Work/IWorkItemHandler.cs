using MonaSpark.Application.Ports;

namespace MonaSpark.Application.Work;

/// <summary>Handles one kind of work item. Handlers are idempotent: the same item twice changes nothing.</summary>
public interface IWorkItemHandler
{
    /// <summary>The <see cref="WorkItem.Kind"/> this handler takes.</summary>
    string Kind { get; }

    Task HandleAsync(WorkItem item, CancellationToken cancellationToken);
}

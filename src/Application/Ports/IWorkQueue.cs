namespace MonaSpark.Application.Ports;

/// <summary>
/// At-least-once work queue between use cases. Messages carry ids, not payloads. A leased message
/// becomes visible again when its lease expires (the handler threw or the process died); after
/// <c>MaxAttempts</c> it is dead-lettered with the reason.
/// </summary>
public interface IWorkQueue
{
    /// <summary>Enqueues the item. An item whose id is already waiting or leased is not enqueued twice.</summary>
    Task EnqueueAsync(WorkItem item, CancellationToken cancellationToken = default);

    /// <summary>Takes the next visible item and hides it for <paramref name="visibilityTimeout"/>; null when none is visible.</summary>
    Task<WorkLease?> LeaseAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>Removes a handled item. Completing with a lease that has expired and been re-leased throws <see cref="LeaseLostException"/>.</summary>
    Task CompleteAsync(WorkLease lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives the item back after a failure: it becomes visible again after <paramref name="retryAfter"/>,
    /// or goes to the dead-letter list with <paramref name="reason"/> when its attempts are used up.
    /// </summary>
    Task AbandonAsync(WorkLease lease, string reason, TimeSpan retryAfter, CancellationToken cancellationToken = default);

    /// <summary>Moves the item to the dead-letter list at once: a failure no retry can fix.</summary>
    Task DeadLetterAsync(WorkLease lease, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Settles an item that a host's own runtime delivered and deletes (the Functions queue
    /// trigger): removes anything still pending under its id so the id can be enqueued again, and
    /// records a dead letter when <paramref name="deadLetterReason"/> is given.
    /// </summary>
    Task AcknowledgeAsync(WorkItem item, int attempts, string? deadLetterReason, CancellationToken cancellationToken = default);

    /// <summary>Dead-lettered items, oldest first.</summary>
    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Items waiting or leased (not dead-lettered).</summary>
    Task<long> GetDepthAsync(CancellationToken cancellationToken = default);
}

/// <summary>A unit of work: what to do (<see cref="Kind"/>) to what (<see cref="SubjectId"/>).</summary>
/// <param name="Id">Deterministic id, e.g. <c>score:art-…</c>; duplicates while pending are dropped.</param>
/// <param name="Kind">The handler, see <see cref="WorkKinds"/>.</param>
/// <param name="SubjectId">The id the handler loads (a source record id, an artist id).</param>
public sealed record WorkItem(string Id, string Kind, string SubjectId);

/// <summary>A leased item: the token proves the lease when completing or abandoning.</summary>
public sealed record WorkLease(WorkItem Item, string LeaseToken, int Attempt, DateTimeOffset VisibleUntil);

/// <summary>An item that used up its attempts, with the last failure's reason.</summary>
public sealed record DeadLetter(WorkItem Item, int Attempts, string Reason, DateTimeOffset DeadLetteredAt);

/// <summary>The lease was lost: it expired and someone else took the item.</summary>
public sealed class LeaseLostException : Exception
{
    public LeaseLostException()
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

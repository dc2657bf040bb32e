namespace MonaSpark.Application.Ports;

/// <summary>
/// Groups storage calls so that an embedded store commits them together: a batch of work items
/// then costs one transaction instead of one per call. Inside a scope each item runs in a
/// savepoint, so one failing item is undone alone. Stores that cannot span calls in a transaction
/// (Azure Table Storage) commit each call on its own; that is safe because every handler is
/// idempotent and every state change carries its own events (outbox).
/// </summary>
public interface IUnitOfWork
{
    /// <summary>Starts a scope on the current async flow; dispose without <see cref="IUnitOfWorkScope.CommitAsync"/> to roll back.</summary>
    Task<IUnitOfWorkScope> BeginAsync(CancellationToken cancellationToken = default);
}

/// <summary>An open unit of work.</summary>
public interface IUnitOfWorkScope : IAsyncDisposable
{
    /// <summary>Runs <paramref name="work"/> so that, if it throws, only its own changes are undone (a savepoint).</summary>
    Task<T> IsolateAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default);

    Task CommitAsync(CancellationToken cancellationToken = default);
}

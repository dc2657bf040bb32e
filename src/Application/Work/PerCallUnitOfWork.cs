using MonaSpark.Application.Ports;

namespace MonaSpark.Application.Work;

/// <summary>
/// The unit of work of stores whose every call commits by itself (Azure Table Storage, Storage
/// queues): nothing to group, nothing to roll back. Correct, not a stand-in: handlers are idempotent
/// and each call writes its state and events atomically.
/// </summary>
public sealed class PerCallUnitOfWork : IUnitOfWork
{
    public Task<IUnitOfWorkScope> BeginAsync(CancellationToken cancellationToken = default) => Task.FromResult<IUnitOfWorkScope>(new Scope());

    private sealed class Scope : IUnitOfWorkScope
    {
        public Task<T> IsolateAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(work);
            return work();
        }

        public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

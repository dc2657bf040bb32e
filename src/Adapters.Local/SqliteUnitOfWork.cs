using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Local;

/// <summary>
/// <see cref="IUnitOfWork"/> on the shared SQLite file: every store call inside a scope joins one
/// <c>BEGIN IMMEDIATE</c> transaction on one connection, and each isolated piece of work runs in a
/// savepoint. A batch of work items then costs one commit instead of several per item; the write lock
/// is held for the batch, so batches are kept small (the runner's batch size).
/// </summary>
public sealed class SqliteUnitOfWork(SqliteDatabase database) : IUnitOfWork
{
    public Task<IUnitOfWorkScope> BeginAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IUnitOfWorkScope>(new Scope(database.BeginAmbient()));
    }

    private sealed class Scope(SqliteDatabase.AmbientTransaction ambient) : IUnitOfWorkScope
    {
        public async Task<T> IsolateAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(work);
            var name = $"item{++ambient.Savepoints}";
            await ambient.Transaction.SaveAsync(name, cancellationToken);
            try
            {
                var result = await work();
                await ambient.Transaction.ReleaseAsync(name, cancellationToken);
                return result;
            }
            catch
            {
                // Undo this piece only; the batch's other work stays.
                await ambient.Transaction.RollbackAsync(name, CancellationToken.None);
                await ambient.Transaction.ReleaseAsync(name, CancellationToken.None);
                throw;
            }
        }

        public Task CommitAsync(CancellationToken cancellationToken = default)
        {
            SqliteDatabase.EndAmbient(ambient, commit: true);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            SqliteDatabase.EndAmbient(ambient, commit: false);
            return ValueTask.CompletedTask;
        }
    }
}

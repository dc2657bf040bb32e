using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace MonaSpark.Adapters.Local;

/// <summary>
/// The one SQLite file every local adapter shares, so a state change and the events that explain it
/// commit in one transaction. Owns the data directory checks, the schema and how connections are opened.
/// </summary>
public sealed partial class SqliteDatabase
{
    /// <summary>The database file name inside the data directory.</summary>
    public const string DatabaseFileName = "monaspark.db";

    // Per connection, and a pooled connection may be new to this process. The busy timeout (ms) is long
    // enough to ride out another writer's transaction, short enough to surface a stuck process. A 32 MB
    // page cache (default 2 MB) keeps the indexes a record touches in memory: measured 379 → 251 µs per
    // record through validate, resolve and store (docs/performance.md).
    private const string ConnectionPragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY;";

    private readonly Lock _gate = new();
    private volatile bool _created;

    public SqliteDatabase(IOptions<LocalStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DataDirectory = Path.GetFullPath(options.Value.DataDirectory);
        DatabasePath = Path.Combine(DataDirectory, DatabaseFileName);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
        }.ToString();
    }

    /// <summary>The absolute data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>The absolute path of <c>monaspark.db</c>.</summary>
    public string DatabasePath { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// Checks the data directory, creates it, its marker and the schema when missing, and migrates an
    /// older schema. Idempotent and thread-safe; every adapter calls it before its first use.
    /// </summary>
    /// <exception cref="DataDirectoryException">The directory or database is not usable.</exception>
    public void EnsureCreated()
    {
        if (_created)
        {
            return;
        }

        lock (_gate)
        {
            if (_created)
            {
                return;
            }

            EnsureDataDirectory();
            EnsureSchema();
            _created = true;
        }
    }

    /// <summary>An open connection with the per-connection settings applied; the caller disposes it.</summary>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        EnsureCreated();
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ConfigureAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in a <c>BEGIN IMMEDIATE</c> transaction and commits unless it throws.</summary>
    /// <remarks>
    /// Immediate, because a deferred transaction that reads and then writes can fail with SQLITE_BUSY
    /// without waiting when another writer got in between; taking the write lock up front lets the
    /// busy timeout serialise concurrent writers instead.
    /// </remarks>
    internal async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        if (Current is { } ambient)
        {
            // Inside a unit of work: join its transaction; its savepoint or commit decides.
            return await work(ambient.Connection, ambient.Transaction);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    internal async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        if (Current is { } ambient)
        {
            // Reads inside a unit of work see its own uncommitted writes.
            return await work(ambient.Connection);
        }

        await using var connection = await OpenAsync(cancellationToken);
        return await work(connection);
    }

    private static async Task ConfigureAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(ConnectionPragmas);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using Microsoft.Data.Sqlite;

namespace MonaSpark.Adapters.Local;

public sealed partial class SqliteDatabase
{
    /// <summary>The unit of work open on this async flow, if any (see <see cref="SqliteUnitOfWork"/>).</summary>
    private static readonly AsyncLocal<AmbientTransaction?> Ambient = new();

    /// <summary>The open transaction of this database on the current flow, or null.</summary>
    internal AmbientTransaction? Current => Ambient.Value is { } ambient && ReferenceEquals(ambient.Owner, this) && !ambient.Closed ? ambient : null;

    /// <summary>The transaction a command on <paramref name="connection"/> must join, when it is the ambient one.</summary>
    internal static SqliteTransaction? AmbientTransactionOf(SqliteConnection connection) =>
        Ambient.Value is { Closed: false } ambient && ReferenceEquals(ambient.Connection, connection) ? ambient.Transaction : null;

    /// <summary>The open unit of work whose connection is <paramref name="connection"/>, or null.</summary>
    internal static AmbientTransaction? AmbientOf(SqliteConnection connection) =>
        Ambient.Value is { Closed: false } ambient && ReferenceEquals(ambient.Connection, connection) ? ambient : null;

    /// <summary>
    /// Opens the connection and its <c>BEGIN IMMEDIATE</c> transaction and makes them ambient. Synchronous
    /// on purpose: an <see cref="AsyncLocal{T}"/> set inside an async method does not flow back to its caller.
    /// </summary>
    internal AmbientTransaction BeginAmbient()
    {
        if (Current is not null)
        {
            throw new InvalidOperationException("A unit of work is already open on this flow; nest with savepoints instead.");
        }

        EnsureCreated();
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using (var pragmas = connection.Command(ConnectionPragmas))
        {
            pragmas.ExecuteNonQuery();
        }

        var ambient = new AmbientTransaction(this, connection, connection.BeginTransaction(deferred: false));
        Ambient.Value = ambient;
        return ambient;
    }

    /// <summary>Closes the ambient transaction (committing or rolling back) and clears it from the flow. Synchronous, as <see cref="BeginAmbient"/>.</summary>
    internal static void EndAmbient(AmbientTransaction ambient, bool commit)
    {
        if (ambient.Closed)
        {
            return;
        }

        ambient.Closed = true;
        try
        {
            if (commit)
            {
                ambient.Transaction.Commit();
            }
            else
            {
                ambient.Transaction.Rollback();
            }
        }
        finally
        {
            ambient.DisposeCommands();
            ambient.Transaction.Dispose();
            ambient.Connection.Dispose();
            if (ReferenceEquals(Ambient.Value, ambient))
            {
                Ambient.Value = null;
            }
        }
    }

    /// <summary>A connection and transaction shared by every store call on one flow.</summary>
    internal sealed class AmbientTransaction(SqliteDatabase owner, SqliteConnection connection, SqliteTransaction transaction)
    {
        public SqliteDatabase Owner { get; } = owner;

        public SqliteConnection Connection { get; } = connection;

        public SqliteTransaction Transaction { get; } = transaction;

        public bool Closed { get; set; }

        public int Savepoints { get; set; }

        /// <summary>
        /// Commands kept for the rest of the unit of work, by SQL text, so a statement a batch runs for
        /// every item is compiled once per batch, not once per call (compiling costs more than running).
        /// </summary>
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        private readonly HashSet<SqliteCommand> _inUse = [];

        /// <summary>Bounds the cache: statements whose text varies (row counts) stay few, but never pile up.</summary>
        private const int MaxCommands = 128;

        /// <summary>
        /// The cached command for <paramref name="sql"/>, its parameters cleared, or null when none can be
        /// handed out (the unit of work is closed, the command is in use, or the cache is full); give it
        /// back with <see cref="Return"/>. Not thread-safe: a unit of work runs on one flow at a time.
        /// </summary>
        public SqliteCommand? Rent(string sql)
        {
            if (Closed)
            {
                return null;
            }

            if (_commands.TryGetValue(sql, out var command))
            {
                // Held by an outer call on this flow (re-entry): that one keeps it, this call gets its own.
                if (!_inUse.Add(command))
                {
                    return null;
                }

                command.Parameters.Clear();
                return command;
            }

            if (_commands.Count >= MaxCommands)
            {
                return null;
            }

            command = Connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = Transaction;
            _commands.Add(sql, command);
            _inUse.Add(command);
            return command;
        }

        /// <summary>Ends the use of a command from <see cref="Rent"/>.</summary>
        public void Return(SqliteCommand command) => _inUse.Remove(command);

        public void DisposeCommands()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _commands.Clear();
            _inUse.Clear();
        }
    }
}

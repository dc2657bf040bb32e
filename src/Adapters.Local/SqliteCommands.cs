using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace MonaSpark.Adapters.Local;

/// <summary>Terse command building and the one way times are stored: UTC ticks.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction ?? SqliteDatabase.AmbientTransactionOf(connection);
        return command;
    }

    /// <summary>
    /// Runs <paramref name="work"/> with a command for <paramref name="sql"/>: inside a unit of work on
    /// <paramref name="connection"/>, one kept for the unit of work (compiled once per batch); otherwise a
    /// new one, disposed after. <paramref name="work"/> must finish with the command (and dispose any
    /// reader) before it returns, and must not run the same SQL again while it holds the command.
    /// </summary>
    public static async Task<T> WithCommandAsync<T>(this SqliteConnection connection, string sql, SqliteTransaction? transaction, Func<SqliteCommand, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (SqliteDatabase.AmbientOf(connection) is { } ambient
            && (transaction is null || ReferenceEquals(transaction, ambient.Transaction))
            && ambient.Rent(sql) is { } cached)
        {
            try
            {
                return await work(cached);
            }
            finally
            {
                ambient.Return(cached);
            }
        }

        await using var command = connection.Command(sql, transaction);
        return await work(command);
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>
    /// Rows per multi-row INSERT: well under SQLite's bound-parameter limit at the widest row (6
    /// parameters), and a list longer than this is rare (a record has at most a few dozen).
    /// </summary>
    public const int MaxRowsPerStatement = 100;

    /// <summary>
    /// The rows of a multi-row <c>VALUES</c>: <paramref name="rowFormat"/> once per row, <c>{0}</c>
    /// replaced by the row's index (a suffix that keeps each row's parameter names apart), comma-separated.
    /// </summary>
    public static string Rows(int count, string rowFormat)
    {
        var rows = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                rows.Append(", ");
            }

            rows.AppendFormat(CultureInfo.InvariantCulture, rowFormat, i);
        }

        return rows.ToString();
    }

    /// <summary>The name of parameter <paramref name="prefix"/> in row <paramref name="row"/> of a <see cref="Rows"/> statement.</summary>
    public static string Name(string prefix, int row) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{row}");

    public static async Task<long> ScalarInt64Async(this SqliteCommand command, CancellationToken cancellationToken) =>
        await command.ExecuteScalarAsync(cancellationToken) is long value ? value : 0;

    /// <summary>Ticks keep full precision and compare as integers; the offset is normalised to UTC.</summary>
    public static long ToTicks(DateTimeOffset value) => value.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    public static DateTimeOffset GetTicksAsTime(this SqliteDataReader reader, int ordinal) => FromTicks(reader.GetInt64(ordinal));

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

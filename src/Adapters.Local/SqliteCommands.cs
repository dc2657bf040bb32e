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

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static async Task<long> ScalarInt64Async(this SqliteCommand command, CancellationToken cancellationToken) =>
        await command.ExecuteScalarAsync(cancellationToken) is long value ? value : 0;

    /// <summary>Ticks keep full precision and compare as integers; the offset is normalised to UTC.</summary>
    public static long ToTicks(DateTimeOffset value) => value.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    public static DateTimeOffset GetTicksAsTime(this SqliteDataReader reader, int ordinal) => FromTicks(reader.GetInt64(ordinal));

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MonaSpark.Adapters.Local;

public sealed partial class SqliteDatabase
{
    /// <summary>Migration scripts; script <c>i</c> takes <c>PRAGMA user_version</c> from <c>i</c> to <c>i + 1</c>.</summary>
    private static readonly string[] Migrations = [SqliteSchema.Version1, SqliteSchema.Version2, SqliteSchema.Version3, SqliteSchema.Version4, SqliteSchema.Version5, SqliteSchema.Version6, SqliteSchema.Version7, SqliteSchema.Version8, SqliteSchema.Version9];

    /// <summary>The schema version this code writes (<c>PRAGMA user_version</c>).</summary>
    public static int SchemaVersion => Migrations.Length;

    private void EnsureSchema()
    {
        using var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();

            // A file that is not SQLite opens fine; the first statement is what finds out.
            var check = Convert.ToString(Scalar(connection, null, "PRAGMA quick_check;"), CultureInfo.InvariantCulture);
            if (!string.Equals(check, "ok", StringComparison.Ordinal))
            {
                throw new DataDirectoryException($"'{DatabasePath}' is corrupt or not a MonaSpark database: {check}");
            }

            // WAL is a property of the file: set once, every later connection gets it.
            Scalar(connection, null, "PRAGMA journal_mode = WAL;");
        }
        catch (SqliteException ex)
        {
            throw new DataDirectoryException($"'{DatabasePath}' is corrupt or not a MonaSpark database: {ex.Message}", ex);
        }

        Migrate(connection);
    }

    private void Migrate(SqliteConnection connection)
    {
        using (var pragmas = connection.Command(ConnectionPragmas))
        {
            pragmas.ExecuteNonQuery();
        }

        // Immediate: two processes starting on a fresh directory must not both run version 1.
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new DataDirectoryException(
                $"'{DatabasePath}' has schema version {version}, newer than this MonaSpark knows ({SchemaVersion}); upgrade MonaSpark");
        }

        if (version == SchemaVersion)
        {
            return;
        }

        for (var next = version; next < SchemaVersion; next++)
        {
            using var migration = connection.CreateCommand();
            migration.Transaction = transaction;
            migration.CommandText = Migrations[next];
            migration.ExecuteNonQuery();

            // Keys are computed by the Domain's normaliser, which SQL cannot call: artists stored
            // before version 3 get theirs here, in the same transaction as the new table.
            if (next + 1 == 3)
            {
                ArtistKeyRows.Backfill(connection, transaction);
            }
        }

        // PRAGMA takes no parameters; the value is our own integer.
        Scalar(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {SchemaVersion};"));
        transaction.Commit();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace MonaSpark.Adapters.Local.Tests;

/// <summary>A data directory path of its own under the temp folder (not created); the owning test deletes it.</summary>
internal sealed class TempDataDirectory
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "monaspark-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => System.IO.Path.Combine(Path, SqliteDatabase.DatabaseFileName);

    /// <summary>A new database object on the directory, as a fresh process would create it.</summary>
    public SqliteDatabase Open() => new(Options.Create(new LocalStorageOptions { DataDirectory = Path }));

    public void Delete()
    {
        // Pooled connections keep the files open; Windows would refuse the delete, and WAL files linger.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

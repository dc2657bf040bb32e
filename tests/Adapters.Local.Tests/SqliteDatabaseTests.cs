using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Sources;
using MonaSpark.TestKit;
using Shouldly;
using Xunit;

namespace MonaSpark.Adapters.Local.Tests;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Samples.Epoch);

    public void Dispose() => _directory.Delete();

    [Fact]
    public void EnsureCreated_MissingDirectory_CreatesMarkerAndDatabase()
    {
        _directory.Open().EnsureCreated();

        File.ReadAllText(Path.Combine(_directory.Path, SqliteDatabase.MarkerFileName)).ShouldBe("""{"format":"monaspark-data","version":1}""");
        File.Exists(_directory.DatabasePath).ShouldBeTrue();
    }

    [Fact]
    public void EnsureCreated_EmptyDirectory_IsAdopted()
    {
        Directory.CreateDirectory(_directory.Path);

        Should.NotThrow(() => _directory.Open().EnsureCreated());
    }

    [Fact]
    public void EnsureCreated_ForeignDirectoryWithoutMarker_ThrowsAndWritesNothing()
    {
        Directory.CreateDirectory(_directory.Path);
        File.WriteAllText(Path.Combine(_directory.Path, "thesis.docx"), "mine");

        var ex = Should.Throw<DataDirectoryException>(() => _directory.Open().EnsureCreated());

        ex.Message.ShouldBe($"'{_directory.Path}' is not a MonaSpark data directory (it has files but no monaspark.json)");
        Directory.GetFiles(_directory.Path).Select(Path.GetFileName).ShouldBe(["thesis.docx"]);
    }

    [Fact]
    public void EnsureCreated_MarkerOfSomethingElse_Throws()
    {
        Directory.CreateDirectory(_directory.Path);
        File.WriteAllText(Path.Combine(_directory.Path, SqliteDatabase.MarkerFileName), """{"name":"some-npm-package"}""");

        Should.Throw<DataDirectoryException>(() => _directory.Open().EnsureCreated()).Message.ShouldContain("not a MonaSpark data directory");
    }

    [Fact]
    public void EnsureCreated_GarbageDatabaseFile_ThrowsCorrupt()
    {
        _directory.Open().EnsureCreated();
        SqliteConnection.ClearAllPools();
        File.WriteAllBytes(_directory.DatabasePath, Enumerable.Range(0, 8192).Select(i => (byte)(i * 31 % 251)).ToArray());

        var ex = Should.Throw<DataDirectoryException>(() => _directory.Open().EnsureCreated());

        ex.Message.ShouldStartWith($"'{_directory.DatabasePath}' is corrupt or not a MonaSpark database: ");
        ex.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void EnsureCreated_SchemaNewerThanTheCode_Throws()
    {
        var database = _directory.Open();
        database.EnsureCreated();
        using (var connection = new SqliteConnection(database.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();

        Should.Throw<DataDirectoryException>(() => _directory.Open().EnsureCreated()).Message.ShouldContain("schema version 99");
    }

    [Fact]
    public async Task EnsureCreated_ConcurrentCallers_CreateOnce()
    {
        var database = _directory.Open();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(database.EnsureCreated)));

        (await Pragma(database, "user_version")).ShouldBe(SqliteDatabase.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact(Timeout = 30_000)]
    public async Task Database_IsInWalMode()
    {
        var database = _directory.Open();
        database.EnsureCreated();

        (await Pragma(database, "journal_mode")).ShouldBe("wal");
    }

    [Fact(Timeout = 30_000)]
    public async Task Reopen_ExistingDirectory_KeepsTheData()
    {
        var artist = Samples.Artist();
        await new SqliteArtistStore(_directory.Open(), _time).SaveAsync(artist, [], [new ArtistDiscovered(artist.Id.Value, Samples.Epoch, "src-luna", SourceKind.Import)]);
        SqliteConnection.ClearAllPools();

        var reopened = _directory.Open();

        (await new SqliteArtistStore(reopened, _time).GetAsync(artist.Id)).ShouldNotBeNull().Version.ShouldBe(1);
        (await new SqliteJournal(reopened, _time).GetHeadAsync()).ShouldBe(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task SaveAsync_JournalInsertFails_RollsBackArtistSnapshotsAndEarlierEvents()
    {
        var database = _directory.Open();
        var store = new SqliteArtistStore(database, _time);
        var journal = new SqliteJournal(database, _time);
        var artist = Samples.Artist();
        var snapshot = new MetricSnapshot(artist.Id, SourceKind.Spotify, Samples.Epoch, 10);

        // The second event cannot be serialised, so the failure comes after the artist, its snapshot and one event were written.
        await Should.ThrowAsync<NotSupportedException>(() => store.SaveAsync(
            artist,
            [snapshot],
            [new ArtistDiscovered(artist.Id.Value, Samples.Epoch, "src-luna", SourceKind.Import), new UnregisteredEvent(artist.Id.Value, Samples.Epoch)]));

        (await store.GetAsync(artist.Id)).ShouldBeNull();
        (await store.GetSnapshotsAsync(artist.Id, DateTimeOffset.MinValue)).ShouldBeEmpty();
        (await store.FindByProfileAsync(SourceKind.Spotify, "sp-luna")).ShouldBeNull();
        (await journal.GetHeadAsync()).ShouldBe(0);
    }

    private static async Task<string?> Pragma(SqliteDatabase database, string name)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Not registered as a derived type of <see cref="DomainEvent"/>, so the journal cannot serialise it.</summary>
    private sealed record UnregisteredEvent(string StreamId, DateTimeOffset OccurredAt) : DomainEvent(StreamId, OccurredAt);
}

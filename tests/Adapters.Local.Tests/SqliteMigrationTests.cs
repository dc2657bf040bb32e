using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Resolution;
using MonaSpark.TestKit;
using Shouldly;
using Xunit;

namespace MonaSpark.Adapters.Local.Tests;

public sealed class SqliteMigrationTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Samples.Epoch);

    public void Dispose() => _directory.Delete();

    [Fact(Timeout = 30_000)]
    public async Task Upgrade_FromVersion2_IndexesTheArtistsAlreadyStored()
    {
        var artist = Samples.Artist("old") with { Version = 1 };
        DowngradeToVersion2WithArtist(artist);

        var store = new SqliteArtistStore(_directory.Open(), _time);

        (await store.FindByNameKeyAsync(NameKey.Of(artist.Name.Value), 10)).ShouldHaveSingleItem().Id.ShouldBe(artist.Id);
        (await store.FindByEmailAsync("booking@luna.example", 10)).ShouldHaveSingleItem().Id.ShouldBe(artist.Id);
        (await store.CountAsync()).ShouldBe(1);
    }

    /// <summary>A database as version 2 left it: no resolution or intelligence tables, no resolution column, one artist stored.</summary>
    private void DowngradeToVersion2WithArtist(Artist artist)
    {
        var database = _directory.Open();
        database.EnsureCreated();
        using (var connection = new SqliteConnection(database.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                DROP TABLE one_time_tokens;
                DROP TABLE sender_outcomes;
                DROP TABLE sender_reservations;
                DROP TABLE senders;
                DROP TABLE outreach_messages;
                DROP TABLE sends;
                DROP TABLE suppressed_addresses;
                DROP TABLE opt_outs;
                DROP TABLE consents;
                DROP TABLE projection_checkpoints;
                DROP TABLE read_models;
                DROP TABLE model_roles;
                DROP TABLE models;
                DROP TABLE features;
                DROP TABLE embeddings;
                DROP TABLE artist_keys;
                DROP TABLE match_reviews;
                ALTER TABLE artists DROP COLUMN merged_into;
                PRAGMA user_version = 2;
                INSERT INTO artists (id, version, updated_at, json) VALUES (@id, 1, 0, @json);
                """;
            command.Parameters.AddWithValue("@id", artist.Id.Value);
            command.Parameters.AddWithValue("@json", LocalJson.Serialize(artist));
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
    }
}

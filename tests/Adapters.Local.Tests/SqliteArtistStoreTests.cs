using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Local.Tests;

public sealed class SqliteArtistStoreTests : ArtistStoreContract
{
    private readonly TempDataDirectory _directory = new();

    protected override Task<(IArtistStore Store, IJournal Journal)> CreateAsync(TimeProvider time)
    {
        var database = _directory.Open();
        return Task.FromResult<(IArtistStore, IJournal)>((new SqliteArtistStore(database, time), new SqliteJournal(database, time)));
    }

    public override Task DisposeAsync()
    {
        _directory.Delete();
        return Task.CompletedTask;
    }
}

using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Local.Tests;

public sealed class SqliteSourceRecordStoreTests : SourceRecordStoreContract
{
    private readonly TempDataDirectory _directory = new();

    protected override Task<(ISourceRecordStore Store, IJournal Journal)> CreateAsync(TimeProvider time)
    {
        var database = _directory.Open();
        return Task.FromResult<(ISourceRecordStore, IJournal)>((new SqliteSourceRecordStore(database, time), new SqliteJournal(database, time)));
    }

    public override Task DisposeAsync()
    {
        _directory.Delete();
        return Task.CompletedTask;
    }
}

using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Local.Tests;

public sealed class SqliteLeadStoreTests : LeadStoreContract
{
    private readonly TempDataDirectory _directory = new();

    protected override Task<(ILeadStore Store, IJournal Journal)> CreateAsync(TimeProvider time)
    {
        var database = _directory.Open();
        return Task.FromResult<(ILeadStore, IJournal)>((new SqliteLeadStore(database, time), new SqliteJournal(database, time)));
    }

    public override Task DisposeAsync()
    {
        _directory.Delete();
        return Task.CompletedTask;
    }
}

using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Local.Tests;

public sealed class SqliteQuarantineStoreTests : QuarantineStoreContract
{
    private readonly TempDataDirectory _directory = new();

    protected override Task<(IQuarantineStore Store, IJournal Journal)> CreateAsync(TimeProvider time)
    {
        var database = _directory.Open();
        return Task.FromResult<(IQuarantineStore, IJournal)>((new SqliteQuarantineStore(database, time), new SqliteJournal(database, time)));
    }

    public override Task DisposeAsync()
    {
        _directory.Delete();
        return Task.CompletedTask;
    }
}

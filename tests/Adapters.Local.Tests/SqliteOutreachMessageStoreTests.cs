using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Local.Tests;

public sealed class SqliteOutreachMessageStoreTests : OutreachMessageStoreContract
{
    private readonly TempDataDirectory _directory = new();

    protected override Task<IOutreachMessageStore> CreateAsync() => Task.FromResult<IOutreachMessageStore>(new SqliteOutreachMessageStore(_directory.Open()));

    public override Task DisposeAsync()
    {
        _directory.Delete();
        return Task.CompletedTask;
    }
}

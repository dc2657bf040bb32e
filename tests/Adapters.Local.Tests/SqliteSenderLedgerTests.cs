using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Local.Tests;

public sealed class SqliteSenderLedgerTests : SenderLedgerContract
{
    private readonly TempDataDirectory _directory = new();

    protected override Task<ISenderLedger> CreateAsync() => Task.FromResult<ISenderLedger>(new SqliteSenderLedger(_directory.Open()));

    public override Task DisposeAsync()
    {
        _directory.Delete();
        return Task.CompletedTask;
    }
}

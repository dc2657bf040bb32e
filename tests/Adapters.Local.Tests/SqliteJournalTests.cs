using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Local.Tests;

public sealed class SqliteJournalTests : JournalContract
{
    private readonly TempDataDirectory _directory = new();

    protected override Task<IJournal> CreateAsync(TimeProvider time) =>
        Task.FromResult<IJournal>(new SqliteJournal(_directory.Open(), time));

    public override Task DisposeAsync()
    {
        _directory.Delete();
        return Task.CompletedTask;
    }
}

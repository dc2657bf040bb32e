using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Local.Tests;

public sealed class SqliteSourceCursorStoreTests : SourceCursorStoreContract
{
    private readonly TempDataDirectory _directory = new();

    protected override Task<ISourceCursorStore> CreateAsync(TimeProvider time) =>
        Task.FromResult<ISourceCursorStore>(new SqliteSourceCursorStore(_directory.Open()));

    public override Task DisposeAsync()
    {
        _directory.Delete();
        return Task.CompletedTask;
    }
}

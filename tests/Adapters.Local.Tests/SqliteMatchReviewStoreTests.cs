using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Local.Tests;

public sealed class SqliteMatchReviewStoreTests : MatchReviewStoreContract
{
    private readonly TempDataDirectory _directory = new();

    protected override Task<IMatchReviewStore> CreateAsync() => Task.FromResult<IMatchReviewStore>(new SqliteMatchReviewStore(_directory.Open()));

    public override Task DisposeAsync()
    {
        _directory.Delete();
        return Task.CompletedTask;
    }
}

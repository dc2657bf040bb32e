using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Local.Tests;

public sealed class SqliteFeatureStoreTests : FeatureStoreContract
{
    private readonly TempDataDirectory _directory = new();

    protected override Task<IFeatureStore> CreateAsync() => Task.FromResult<IFeatureStore>(new SqliteFeatureStore(_directory.Open()));

    public override Task DisposeAsync()
    {
        _directory.Delete();
        return Task.CompletedTask;
    }
}

public sealed class SqliteModelRegistryTests : ModelRegistryContract
{
    private readonly TempDataDirectory _directory = new();

    protected override Task<(IModelRegistry Registry, IJournal Journal)> CreateAsync()
    {
        var database = _directory.Open();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Samples.Epoch);
        return Task.FromResult<(IModelRegistry, IJournal)>((new SqliteModelRegistry(database, time), new SqliteJournal(database, time)));
    }

    public override Task DisposeAsync()
    {
        _directory.Delete();
        return Task.CompletedTask;
    }
}

public sealed class SqliteReadModelStoreTests : ReadModelStoreContract
{
    private readonly TempDataDirectory _directory = new();

    protected override Task<IReadModelStore> CreateAsync() => Task.FromResult<IReadModelStore>(new SqliteReadModelStore(_directory.Open()));

    public override Task DisposeAsync()
    {
        _directory.Delete();
        return Task.CompletedTask;
    }
}

public sealed class SqliteContactRegistryTests : ContactRegistryContract
{
    private readonly TempDataDirectory _directory = new();

    protected override Task<(IContactRegistry Registry, IJournal Journal)> CreateAsync()
    {
        var database = _directory.Open();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Samples.Epoch);
        return Task.FromResult<(IContactRegistry, IJournal)>((new SqliteContactRegistry(database, time), new SqliteJournal(database, time)));
    }

    public override Task DisposeAsync()
    {
        _directory.Delete();
        return Task.CompletedTask;
    }
}

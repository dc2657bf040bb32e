using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableStorageFeatureStoreTests(AzuriteFixture azurite) : FeatureStoreContract
{
    private readonly IOptions<AzureStorageOptions> _options = AzuriteFixture.NewOptions();

    protected override Task<IFeatureStore> CreateAsync() => Task.FromResult<IFeatureStore>(new TableStorageFeatureStore(azurite.Tables, _options));

    public override Task DisposeAsync() => azurite.DeleteAsync(_options);
}

[Collection(AzuriteCollection.Name)]
public sealed class TableStorageModelRegistryTests(AzuriteFixture azurite) : ModelRegistryContract
{
    private readonly IOptions<AzureStorageOptions> _options = AzuriteFixture.NewOptions();

    protected override Task<(IModelRegistry Registry, IJournal Journal)> CreateAsync()
    {
        var time = new FakeTimeProvider(Samples.Epoch);
        return Task.FromResult<(IModelRegistry, IJournal)>((new TableStorageModelRegistry(azurite.Tables, _options, time), new TableStorageJournal(azurite.Tables, _options, time)));
    }

    public override Task DisposeAsync() => azurite.DeleteAsync(_options);
}

[Collection(AzuriteCollection.Name)]
public sealed class TableStorageReadModelStoreTests(AzuriteFixture azurite) : ReadModelStoreContract
{
    private readonly IOptions<AzureStorageOptions> _options = AzuriteFixture.NewOptions();

    protected override Task<IReadModelStore> CreateAsync() => Task.FromResult<IReadModelStore>(new TableStorageReadModelStore(azurite.Tables, _options));

    public override Task DisposeAsync() => azurite.DeleteAsync(_options);
}

[Collection(AzuriteCollection.Name)]
public sealed class TableStorageContactRegistryTests(AzuriteFixture azurite) : ContactRegistryContract
{
    private readonly IOptions<AzureStorageOptions> _options = AzuriteFixture.NewOptions();

    protected override Task<(IContactRegistry Registry, IJournal Journal)> CreateAsync()
    {
        var time = new FakeTimeProvider(Samples.Epoch);
        return Task.FromResult<(IContactRegistry, IJournal)>((new TableStorageContactRegistry(azurite.Tables, _options, time), new TableStorageJournal(azurite.Tables, _options, time)));
    }

    public override Task DisposeAsync() => azurite.DeleteAsync(_options);
}

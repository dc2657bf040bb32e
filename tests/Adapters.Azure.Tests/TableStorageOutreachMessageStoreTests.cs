using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableStorageOutreachMessageStoreTests(AzuriteFixture azurite) : OutreachMessageStoreContract
{
    private readonly IOptions<AzureStorageOptions> _options = AzuriteFixture.NewOptions();

    protected override Task<IOutreachMessageStore> CreateAsync() => Task.FromResult<IOutreachMessageStore>(new TableStorageOutreachMessageStore(azurite.Tables, _options));

    public override Task DisposeAsync() => azurite.DeleteAsync(_options);
}

using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableStorageQuarantineStoreTests(AzuriteFixture azurite) : QuarantineStoreContract
{
    private readonly IOptions<AzureStorageOptions> _options = AzuriteFixture.NewOptions();

    protected override Task<(IQuarantineStore Store, IJournal Journal)> CreateAsync(TimeProvider time) =>
        Task.FromResult<(IQuarantineStore, IJournal)>((new TableStorageQuarantineStore(azurite.Tables, _options, time), new TableStorageJournal(azurite.Tables, _options, time)));

    public override Task DisposeAsync() => azurite.DeleteAsync(_options);
}

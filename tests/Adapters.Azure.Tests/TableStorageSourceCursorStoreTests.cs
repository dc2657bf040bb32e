using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableStorageSourceCursorStoreTests(AzuriteFixture azurite) : SourceCursorStoreContract
{
    private readonly IOptions<AzureStorageOptions> _options = AzuriteFixture.NewOptions();

    protected override Task<ISourceCursorStore> CreateAsync(TimeProvider time) =>
        Task.FromResult<ISourceCursorStore>(new TableStorageSourceCursorStore(azurite.Tables, _options));

    public override Task DisposeAsync() => azurite.DeleteAsync(_options);
}

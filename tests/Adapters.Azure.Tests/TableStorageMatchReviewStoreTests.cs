using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableStorageMatchReviewStoreTests(AzuriteFixture azurite) : MatchReviewStoreContract
{
    private readonly IOptions<AzureStorageOptions> _options = AzuriteFixture.NewOptions();

    protected override Task<IMatchReviewStore> CreateAsync() =>
        Task.FromResult<IMatchReviewStore>(new TableStorageMatchReviewStore(azurite.Tables, _options));

    public override Task DisposeAsync() => azurite.DeleteAsync(_options);
}

using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableStorageProviderRateLimiterTests(AzuriteFixture azurite) : ProviderRateLimiterContract
{
    private readonly IOptions<AzureStorageOptions> _options = AzuriteFixture.NewOptions();

    protected override Task<IProviderRateLimiter> CreateAsync() => Task.FromResult<IProviderRateLimiter>(new TableStorageProviderRateLimiter(azurite.Tables, _options));

    public override Task DisposeAsync() => azurite.DeleteAsync(_options);
}

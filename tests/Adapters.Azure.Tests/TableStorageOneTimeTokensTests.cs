using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableStorageOneTimeTokensTests(AzuriteFixture azurite) : OneTimeTokensContract
{
    private readonly IOptions<AzureStorageOptions> _options = AzuriteFixture.NewOptions();

    protected override Task<IOneTimeTokens> CreateAsync() => Task.FromResult<IOneTimeTokens>(new TableStorageOneTimeTokens(azurite.Tables, _options));

    public override Task DisposeAsync() => azurite.DeleteAsync(_options);
}

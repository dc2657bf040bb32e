using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableStorageJournalTests(AzuriteFixture azurite) : JournalContract
{
    private readonly IOptions<AzureStorageOptions> _options = AzuriteFixture.NewOptions();

    protected override Task<IJournal> CreateAsync(TimeProvider time) =>
        Task.FromResult<IJournal>(new TableStorageJournal(azurite.Tables, _options, time));

    public override Task DisposeAsync() => azurite.DeleteAsync(_options);
}

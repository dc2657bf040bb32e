using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableStorageSourceRecordStoreTests(AzuriteFixture azurite) : SourceRecordStoreContract
{
    private readonly IOptions<AzureStorageOptions> _options = AzuriteFixture.NewOptions();

    protected override Task<(ISourceRecordStore Store, IJournal Journal)> CreateAsync(TimeProvider time) =>
        Task.FromResult<(ISourceRecordStore, IJournal)>((new TableStorageSourceRecordStore(azurite.Tables, _options, time), new TableStorageJournal(azurite.Tables, _options, time)));

    public override Task DisposeAsync() => azurite.DeleteAsync(_options);
}

using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace MonaSpark.Adapters.Azure.Storage;

/// <summary>
/// Table clients by logical name, each created on first use. Creation is cached only once it has
/// succeeded, so a cancelled or failed first call is simply tried again by the next one.
/// </summary>
internal sealed class StorageTables(TableServiceClient service, IOptions<AzureStorageOptions> options)
{
    private readonly ConcurrentDictionary<string, TableClient> _ready = new(StringComparer.Ordinal);

    public string NameOf(string logicalName) => options.Value.TablePrefix + logicalName;

    public async ValueTask<TableClient> GetAsync(string logicalName, CancellationToken cancellationToken)
    {
        if (_ready.TryGetValue(logicalName, out var ready))
        {
            return ready;
        }

        var client = service.GetTableClient(NameOf(logicalName));
        await client.CreateIfNotExistsAsync(cancellationToken);
        return _ready.GetOrAdd(logicalName, client);
    }
}

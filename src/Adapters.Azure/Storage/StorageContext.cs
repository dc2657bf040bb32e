using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.Journal;

namespace MonaSpark.Adapters.Azure.Storage;

/// <summary>What every table-backed adapter needs: its tables, the journal and the outbox into it.</summary>
internal sealed class StorageContext
{
    public StorageContext(TableServiceClient service, IOptions<AzureStorageOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        Tables = new StorageTables(service, options);
        Journal = new JournalTable(Tables);
        Outbox = new TableOutbox(Tables, Journal, time);
        Time = time;
    }

    public StorageTables Tables { get; }

    public JournalTable Journal { get; }

    public TableOutbox Outbox { get; }

    public TimeProvider Time { get; }
}

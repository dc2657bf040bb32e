using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.Journal;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Leads;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// Leads in Azure Table Storage (table <c>leads</c>), all in one partition so that the lead row
/// (<c>lead|{artist id}</c>: JSON, version, stage), its priority index row
/// (<c>prio|{inverted priority:D20}|{artist id}</c>, scored leads only, carrying the lead's JSON so
/// the top-N read is one range scan) and the outbox rows change in one transaction: the index can
/// never disagree with the lead. One partition serves about 2,000 writes/s.
/// </summary>
public sealed partial class TableStorageLeadStore : ILeadStore
{
    private const string Partition = "leads";
    private const string LeadPrefix = "lead|";
    private const string PriorityPrefix = "prio|";

    private readonly StorageContext _storage;

    public TableStorageLeadStore(TableServiceClient tableService, IOptions<AzureStorageOptions> options, TimeProvider time)
    {
        _storage = new StorageContext(tableService, options, time);
    }

    public async Task<Lead> SaveAsync(Lead lead, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(events);
        var table = await _storage.Tables.GetAsync(TableNames.Leads, cancellationToken);
        var stored = lead with { Version = lead.Version + 1 };
        var json = StorageJson.Serialize(stored);
        var newIndexKey = stored.Score is null ? null : PriorityKey(stored.Priority, stored.ArtistId);
        var row = new TableEntity(Partition, LeadPrefix + stored.ArtistId.Value)
        {
            ["Version"] = stored.Version,
            ["Stage"] = (int)stored.Stage,
            ["IndexKey"] = newIndexKey,
        };
        LargeText.Write(row, "Json", json);

        var actions = new List<TableTransactionAction>();
        string? oldIndexKey = null;
        if (lead.Version == 0)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
        }
        else
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(Partition, row.RowKey, ["Version", "IndexKey"], cancellationToken);
            if (!current.HasValue || current.Value!.GetInt64("Version") != lead.Version)
            {
                throw Conflict(lead, null);
            }

            oldIndexKey = current.Value.GetString("IndexKey");
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, current.Value.ETag));
        }

        if (oldIndexKey is not null && oldIndexKey != newIndexKey)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, oldIndexKey), ETag.All));
        }

        if (newIndexKey is not null)
        {
            var index = new TableEntity(Partition, newIndexKey);
            LargeText.Write(index, "Json", json);
            actions.Add(new TableTransactionAction(oldIndexKey == newIndexKey ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.Add, index));
        }

        var batch = TableOutbox.Stage(TableNames.Leads, Partition, events);
        try
        {
            await _storage.Outbox.CommitAsync(table, actions, batch, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            throw Conflict(lead, ex);
        }

        return stored;
    }

    /// <summary>
    /// Descending priority as an ascending key: the signed value is mapped onto an unsigned range in
    /// order, then subtracted from the maximum. Ties fall to the artist id, ascending, as required.
    /// </summary>
    internal static string PriorityKey(long priority, ArtistId artistId)
    {
        var ascending = unchecked((ulong)priority ^ 0x8000_0000_0000_0000UL);
        return string.Create(CultureInfo.InvariantCulture, $"{PriorityPrefix}{ulong.MaxValue - ascending:D20}|{artistId.Value}");
    }

    private static ConcurrencyException Conflict(Lead lead, Exception? inner)
    {
        var message = $"Lead {lead.ArtistId} was changed by someone else (expected version {lead.Version}).";
        return inner is null ? new ConcurrencyException(message) : new ConcurrencyException(message, inner);
    }
}

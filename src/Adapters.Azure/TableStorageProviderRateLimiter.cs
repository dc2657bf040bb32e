using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.Journal;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// Provider rate limits shared by every instance of the Functions app, in Azure Table Storage (table
/// <c>ratelimits</c>): one entity per provider holds its theoretical arrival time; a reservation
/// reads it, decides (<see cref="CellRate"/>) and writes it back under the ETag it read, retried on 409/412,
/// so two instances racing for a slot cannot both take it. One entity serves a few hundred reservations
/// a second with contention, which is the order of an e-mail or SMS provider's limit; each instance
/// waits its own delay after the write, so nothing is held open while it waits.
/// </summary>
public sealed class TableStorageProviderRateLimiter : IProviderRateLimiter
{
    private const string Row = "gcra";
    private const string TatProperty = "TatTicks";
    private const int MaxConflictRetries = 200;

    private readonly StorageTables _tables;

    public TableStorageProviderRateLimiter(TableServiceClient tableService, IOptions<AzureStorageOptions> options)
    {
        _tables = new StorageTables(tableService, options);
    }

    public async ValueTask<RateReservation> ReserveAsync(string provider, ProviderRateLimit limit, DateTimeOffset now, TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        var table = await _tables.GetAsync(TableNames.RateLimits, cancellationToken);
        var partition = KeyEncoder.Encode(provider);
        for (var attempt = 1; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, Row, cancellationToken: cancellationToken);
            DateTimeOffset? stored = row.HasValue && row.Value!.GetInt64(TatProperty) is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
            var (reservation, tat) = CellRate.Reserve(stored, limit, now, maxWait);
            if (!reservation.Granted)
            {
                return reservation;
            }

            var entity = new TableEntity(partition, Row) { [TatProperty] = tat.UtcTicks };
            try
            {
                if (row.HasValue)
                {
                    await table.UpdateEntityAsync(entity, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }

                return reservation;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxConflictRetries)
            {
                // Another instance took a slot first: read its TAT and decide again.
                await JournalTable.BackoffAsync(attempt, cancellationToken);
            }
        }
    }
}

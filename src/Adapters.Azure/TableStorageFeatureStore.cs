using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Features;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// Feature vectors in Azure Table Storage (table <c>features</c>). Partition = artist id; RowKey =
/// <c>{feature set}|{DateTimeOffset.MaxValue ticks − as-of ticks, 19 digits}</c>, so the rows of one
/// feature set sort newest first and "the latest at or before t" is a one-row range query starting at
/// t's key. The values are a binary property of float32 bytes.
/// </summary>
public sealed class TableStorageFeatureStore : IFeatureStore
{
    private readonly StorageTables _tables;

    public TableStorageFeatureStore(TableServiceClient tableService, IOptions<AzureStorageOptions> options)
    {
        _tables = new StorageTables(tableService, options);
    }

    public async Task SaveAsync(FeatureVector vector, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var table = await _tables.GetAsync(TableNames.Features, cancellationToken);
        var row = new TableEntity(KeyEncoder.Encode(vector.ArtistId.Value), RowKey(vector.FeatureSet, vector.AsOf))
        {
            ["AsOf"] = vector.AsOf.UtcTicks,
            ["Vector"] = vector.ValuesToBytes(),
        };
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Stored before: vectors are never edited.
        }
    }

    public async Task<FeatureVector?> GetAsOfAsync(ArtistId artistId, string featureSet, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(featureSet);
        var table = await _tables.GetAsync(TableNames.Features, cancellationToken);
        var partition = KeyEncoder.Encode(artistId.Value);
        var from = RowKey(featureSet, asOf);
        var end = KeyEncoder.Encode(featureSet) + "}"; // '}' sorts after the digits and '|'.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {end}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return new FeatureVector(artistId, featureSet, new DateTimeOffset(row.GetInt64("AsOf")!.Value, TimeSpan.Zero), FeatureVector.ValuesFromBytes(row.GetBinary("Vector")));
        }

        return null;
    }

    private static string RowKey(string featureSet, DateTimeOffset asOf) =>
        string.Create(CultureInfo.InvariantCulture, $"{KeyEncoder.Encode(featureSet)}|{DateTimeOffset.MaxValue.UtcTicks - asOf.UtcTicks:D19}");
}

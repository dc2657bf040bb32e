using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// <see cref="IOneTimeTokens"/> in Azure Table Storage (table <c>onetimetokens</c>): consuming is an
/// insert of the id's entity, which the service refuses with 409 when it exists, so of every instance
/// of the Functions app only one consumes an id. Entities keep their expiry; Table Storage has no TTL,
/// and an expired id is refused by its caller before it gets here.
/// </summary>
public sealed class TableStorageOneTimeTokens : IOneTimeTokens
{
    private const string Row = "used";
    private const string ExpiresProperty = "ExpiresTicks";

    private readonly StorageTables _tables;

    public TableStorageOneTimeTokens(TableServiceClient tableService, IOptions<AzureStorageOptions> options)
    {
        _tables = new StorageTables(tableService, options);
    }

    public async Task<bool> TryConsumeAsync(string id, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var table = await _tables.GetAsync(TableNames.OneTimeTokens, cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(KeyEncoder.Encode(id), Row) { [ExpiresProperty] = expiresAt.UtcTicks }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }
}

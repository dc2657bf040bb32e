using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Resolution;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// Match reviews in Azure Table Storage (table <c>matchreviews</c>), one partition: the review under
/// <c>rev|{id}</c> (JSON + status; the pair id makes a second add a 409) and, while pending, a row
/// <c>pending|{created ticks:D19}|{id}</c> so the pending list is one range scan, oldest first. Both
/// change in one entity-group transaction. The list is a human work queue: one partition is ample.
/// </summary>
public sealed class TableStorageMatchReviewStore : IMatchReviewStore
{
    private const string Partition = "reviews";
    private const string ReviewPrefix = "rev|";
    private const string PendingPrefix = "pending|";

    private readonly StorageTables _tables;

    public TableStorageMatchReviewStore(TableServiceClient tableService, IOptions<AzureStorageOptions> options)
    {
        _tables = new StorageTables(tableService, options);
    }

    public async Task<bool> AddAsync(MatchReview review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        var table = await _tables.GetAsync(TableNames.MatchReviews, cancellationToken);
        List<TableTransactionAction> actions = [new(TableTransactionActionType.Add, ReviewEntity(review))];
        if (review.Status == MatchReviewStatus.Pending)
        {
            actions.Add(new(TableTransactionActionType.Add, PendingEntity(review)));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<MatchReview?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var table = await _tables.GetAsync(TableNames.MatchReviews, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, ReviewPrefix + KeyEncoder.Encode(id), cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public async Task<IReadOnlyList<MatchReview>> ListPendingAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        var result = new List<MatchReview>();
        if (maxCount <= 0)
        {
            return result;
        }

        var table = await _tables.GetAsync(TableNames.MatchReviews, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {PendingPrefix} and RowKey lt {PendingPrefix + "~"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, Math.Min(maxCount, 1000), cancellationToken: cancellationToken))
        {
            result.Add(Read(row));
            if (result.Count == maxCount)
            {
                break;
            }
        }

        return result;
    }

    public async Task<MatchReview?> ResolveAsync(string id, MatchReviewStatus decision, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (decision == MatchReviewStatus.Pending)
        {
            throw new ArgumentException("A decision is Accepted or Rejected.", nameof(decision));
        }

        var table = await _tables.GetAsync(TableNames.MatchReviews, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, ReviewPrefix + KeyEncoder.Encode(id), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var review = Read(row.Value!);
        if (review.Status != MatchReviewStatus.Pending)
        {
            return review;
        }

        var decided = review with { Status = decision, ResolvedAt = at };
        try
        {
            await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, ReviewEntity(decided), row.Value!.ETag),
                    new TableTransactionAction(TableTransactionActionType.Delete, PendingEntity(review), ETag.All),
                ],
                cancellationToken);
            return decided;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
        {
            // Someone decided it between the read and the write: the first decision stands.
            return await GetAsync(id, cancellationToken);
        }
    }

    private static TableEntity ReviewEntity(MatchReview review)
    {
        var entity = new TableEntity(Partition, ReviewPrefix + KeyEncoder.Encode(review.Id)) { ["Status"] = review.Status.ToString() };
        LargeText.Write(entity, "Json", StorageJson.Serialize(review));
        return entity;
    }

    private static TableEntity PendingEntity(MatchReview review)
    {
        var entity = new TableEntity(Partition, string.Create(CultureInfo.InvariantCulture, $"{PendingPrefix}{review.CreatedAt.UtcTicks:D19}|{KeyEncoder.Encode(review.Id)}"));
        LargeText.Write(entity, "Json", StorageJson.Serialize(review));
        return entity;
    }

    private static MatchReview Read(TableEntity row) => StorageJson.Deserialize<MatchReview>(LargeText.Read(row, "Json"));
}

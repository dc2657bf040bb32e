using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.Journal;
using MonaSpark.Adapters.Azure.Storage;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// The model registry in Azure Table Storage (table <c>models</c>), one partition <c>lead</c>:
/// <c>model|{id}</c> rows hold the metadata, <c>content|{id}|{n}</c> rows the serialised model in
/// binary properties of up to 64,000 bytes (<see cref="PropertiesPerRow"/> per row), and
/// <c>role|champion</c> / <c>role|challenger</c> name the models in use. The content is written
/// before the metadata row, so a listed model is always complete; a role change and its events commit
/// in one entity-group transaction with the outbox (ADR-002).
/// </summary>
public sealed class TableStorageModelRegistry : IModelRegistry
{
    internal const int BytesPerProperty = 64_000;
    internal const int PropertiesPerRow = 8;

    private const string Partition = "lead";
    private const string ModelPrefix = "model|";
    private const string ContentPrefix = "content|";
    private const string RolePrefix = "role|";
    private const string Champion = "champion";
    private const string Challenger = "challenger";

    private readonly StorageContext _storage;

    public TableStorageModelRegistry(TableServiceClient tableService, IOptions<AzureStorageOptions> options, TimeProvider time)
    {
        _storage = new StorageContext(tableService, options, time);
    }

    public async Task RegisterAsync(ModelRecord model, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var table = await _storage.Tables.GetAsync(TableNames.Models, cancellationToken);
        var id = KeyEncoder.Encode(model.Id);
        var perRow = BytesPerProperty * PropertiesPerRow;
        var rows = Math.Max(1, (content.Length + perRow - 1) / perRow);
        for (var r = 0; r < rows; r++)
        {
            var slice = content.Slice(r * perRow, Math.Min(perRow, content.Length - (r * perRow)));
            var row = new TableEntity(Partition, $"{ContentPrefix}{id}|{r:D4}") { ["Length"] = slice.Length };
            for (var p = 0; p * BytesPerProperty < slice.Length; p++)
            {
                row[$"Part{p:D2}"] = slice.Slice(p * BytesPerProperty, Math.Min(BytesPerProperty, slice.Length - (p * BytesPerProperty))).ToArray();
            }

            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }

        var metadata = new TableEntity(Partition, ModelPrefix + id)
        {
            ["CreatedAt"] = model.CreatedAt,
            ["ContentRows"] = rows,
            ["ContentLength"] = content.Length,
        };
        LargeText.Write(metadata, "Json", StorageJson.Serialize(model));
        try
        {
            await table.AddEntityAsync(metadata, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Registered before: a model is never replaced.
        }
    }

    public async Task<ModelRecord?> GetAsync(string modelId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var table = await _storage.Tables.GetAsync(TableNames.Models, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, ModelPrefix + KeyEncoder.Encode(modelId), cancellationToken: cancellationToken);
        return found.HasValue ? StorageJson.Deserialize<ModelRecord>(LargeText.Read(found.Value!, "Json")) : null;
    }

    public async Task<byte[]?> GetContentAsync(string modelId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var table = await _storage.Tables.GetAsync(TableNames.Models, cancellationToken);
        var id = KeyEncoder.Encode(modelId);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, ModelPrefix + id, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return null;
        }

        var content = new byte[found.Value!.GetInt32("ContentLength")!.Value];
        var offset = 0;
        var prefix = $"{ContentPrefix}{id}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {prefix} and RowKey lt {prefix + "}"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            for (var p = 0; row.GetBinary($"Part{p:D2}") is { } part; p++)
            {
                part.CopyTo(content, offset);
                offset += part.Length;
            }
        }

        return offset == content.Length ? content : throw new InvalidDataException($"Model '{modelId}' content is incomplete ({offset} of {content.Length} bytes).");
    }

    public async Task<IReadOnlyList<ModelRecord>> ListAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        var table = await _storage.Tables.GetAsync(TableNames.Models, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {ModelPrefix} and RowKey lt {"model}"}");
        var models = new List<ModelRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            models.Add(StorageJson.Deserialize<ModelRecord>(LargeText.Read(row, "Json")));
        }

        return models.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id, StringComparer.Ordinal).Take(maxCount).ToList();
    }

    public async Task<ModelRoles> GetRolesAsync(CancellationToken cancellationToken = default)
    {
        var table = await _storage.Tables.GetAsync(TableNames.Models, cancellationToken);
        string? champion = null, challenger = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {RolePrefix} and RowKey lt {"role}"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            switch (row.RowKey[RolePrefix.Length..])
            {
                case Champion:
                    champion = row.GetString("ModelId");
                    break;
                case Challenger:
                    challenger = row.GetString("ModelId");
                    break;
            }
        }

        return new ModelRoles(champion, challenger);
    }

    public async Task SetRolesAsync(ModelRoles roles, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(events);
        var table = await _storage.Tables.GetAsync(TableNames.Models, cancellationToken);
        var actions = new List<TableTransactionAction>();
        foreach (var (role, modelId) in new[] { (Champion, roles.Champion), (Challenger, roles.Challenger) })
        {
            if (modelId is null)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, RolePrefix + role) { ["ModelId"] = null }));
                continue;
            }

            if (await GetAsync(modelId, cancellationToken) is null)
            {
                throw new KeyNotFoundException($"Model '{modelId}' is not registered.");
            }

            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, RolePrefix + role) { ["ModelId"] = modelId }));
        }

        var batch = TableOutbox.Stage(TableNames.Models, Partition, events);
        await _storage.Outbox.CommitAsync(table, actions, batch, cancellationToken);
    }
}

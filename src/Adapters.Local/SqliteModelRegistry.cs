using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;

namespace MonaSpark.Adapters.Local;

/// <summary>
/// <see cref="IModelRegistry"/> on the shared SQLite file: models (metadata as JSON, content as a
/// blob) and one row per role. Role changes and their events commit in one transaction.
/// </summary>
public sealed class SqliteModelRegistry(SqliteDatabase database, TimeProvider time) : IModelRegistry
{
    /// <summary>The only kind of model so far: the lead models.</summary>
    private const string Kind = "lead";

    private const string ChampionRole = "champion";
    private const string ChallengerRole = "challenger";

    public Task RegisterAsync(ModelRecord model, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var insert = connection.Command(
                    "INSERT OR IGNORE INTO models (id, kind, created_at, json, content) VALUES (@id, @kind, @created, @json, @content);",
                    transaction)
                    .With("@id", model.Id)
                    .With("@kind", Kind)
                    .With("@created", SqliteCommands.ToTicks(model.CreatedAt))
                    .With("@json", LocalJson.Serialize(model))
                    .With("@content", content.ToArray());
                return await insert.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task<ModelRecord?> GetAsync(string modelId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection =>
            {
                await using var select = connection.Command("SELECT json FROM models WHERE id = @id;").With("@id", modelId);
                return await select.ExecuteScalarAsync(cancellationToken) is string json ? LocalJson.Deserialize<ModelRecord>(json) : null;
            },
            cancellationToken);

    public Task<byte[]?> GetContentAsync(string modelId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection =>
            {
                await using var select = connection.Command("SELECT content FROM models WHERE id = @id;").With("@id", modelId);
                return await select.ExecuteScalarAsync(cancellationToken) as byte[];
            },
            cancellationToken);

    public Task<IReadOnlyList<ModelRecord>> ListAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        return database.ReadAsync<IReadOnlyList<ModelRecord>>(
            async connection =>
            {
                await using var select = connection.Command("SELECT json FROM models WHERE kind = @kind ORDER BY created_at DESC, id DESC LIMIT @max;")
                    .With("@kind", Kind)
                    .With("@max", maxCount);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                var models = new List<ModelRecord>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    models.Add(LocalJson.Deserialize<ModelRecord>(reader.GetString(0)));
                }

                return models;
            },
            cancellationToken);
    }

    public Task<ModelRoles> GetRolesAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection =>
            {
                await using var select = connection.Command("SELECT role, model_id FROM model_roles WHERE kind = @kind;").With("@kind", Kind);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                string? champion = null, challenger = null;
                while (await reader.ReadAsync(cancellationToken))
                {
                    switch (reader.GetString(0))
                    {
                        case ChampionRole:
                            champion = reader.GetString(1);
                            break;
                        case ChallengerRole:
                            challenger = reader.GetString(1);
                            break;
                    }
                }

                return new ModelRoles(champion, challenger);
            },
            cancellationToken);

    public Task SetRolesAsync(ModelRoles roles, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(events);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                foreach (var (role, modelId) in new[] { (ChampionRole, roles.Champion), (ChallengerRole, roles.Challenger) })
                {
                    if (modelId is null)
                    {
                        await using var clear = connection.Command("DELETE FROM model_roles WHERE kind = @kind AND role = @role;", transaction)
                            .With("@kind", Kind).With("@role", role);
                        await clear.ExecuteNonQueryAsync(cancellationToken);
                        continue;
                    }

                    await using var exists = connection.Command("SELECT COUNT(*) FROM models WHERE id = @id;", transaction).With("@id", modelId);
                    if (await exists.ScalarInt64Async(cancellationToken) == 0)
                    {
                        throw new KeyNotFoundException($"Model '{modelId}' is not registered.");
                    }

                    await using var set = connection.Command(
                        "INSERT INTO model_roles (kind, role, model_id) VALUES (@kind, @role, @id) ON CONFLICT (kind, role) DO UPDATE SET model_id = excluded.model_id;",
                        transaction)
                        .With("@kind", Kind).With("@role", role).With("@id", modelId);
                    await set.ExecuteNonQueryAsync(cancellationToken);
                }

                return await JournalRows.InsertAsync(connection, transaction, events, time.GetUtcNow(), cancellationToken);
            },
            cancellationToken);
    }
}

using Microsoft.Data.Sqlite;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Leads;

namespace MonaSpark.Adapters.Local;

/// <summary>
/// <see cref="ILeadStore"/> on the shared SQLite file: the lead as JSON, with priority, stage and
/// whether it is scored as columns so the priority list is an index scan.
/// </summary>
public sealed class SqliteLeadStore(SqliteDatabase database, TimeProvider time) : ILeadStore
{
    public Task<Lead?> GetAsync(ArtistId artistId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = connection.Command("SELECT version, json FROM leads WHERE artist_id = @id;").With("@id", artistId.Value);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
            },
            cancellationToken);

    public Task<Lead> SaveAsync(Lead lead, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(events);
        var expected = lead.Version;
        var saved = lead with { Version = expected + 1 };
        var sql = expected == 0
            ? """
              INSERT INTO leads (artist_id, version, priority, stage, scored, updated_at, json)
              VALUES (@id, @version, @priority, @stage, @scored, @updated, @json)
              ON CONFLICT (artist_id) DO NOTHING;
              """
            : """
              UPDATE leads SET version = @version, priority = @priority, stage = @stage, scored = @scored, updated_at = @updated, json = @json
              WHERE artist_id = @id AND version = @expected;
              """;
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.Command(sql, transaction)
                    .With("@id", saved.ArtistId.Value)
                    .With("@version", saved.Version)
                    .With("@priority", saved.Priority)
                    .With("@stage", saved.Stage.ToString())
                    .With("@scored", saved.Score is not null)
                    .With("@updated", SqliteCommands.ToTicks(saved.UpdatedAt))
                    .With("@json", LocalJson.Serialize(saved))
                    .With("@expected", expected);
                if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    throw new ConcurrencyException(expected == 0
                        ? $"Lead '{saved.ArtistId}' already exists."
                        : $"Lead '{saved.ArtistId}' is not at version {expected}: it was changed or does not exist.");
                }

                await JournalRows.InsertAsync(connection, transaction, events, time.GetUtcNow(), cancellationToken);
                return saved;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Lead>> TopByPriorityAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return database.ReadAsync<IReadOnlyList<Lead>>(
            async connection =>
            {
                // Matches ix_leads_priority; artist ids are ASCII, so BINARY collation is ordinal order.
                await using var command = connection.Command(
                    "SELECT version, json FROM leads WHERE scored = 1 ORDER BY priority DESC, artist_id LIMIT @count;")
                    .With("@count", count);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var leads = new List<Lead>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    leads.Add(Read(reader));
                }

                return leads;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Lead>> ListByStageAsync(IReadOnlyCollection<FunnelStage> stages, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (stages.Count == 0 || max == 0)
        {
            return Task.FromResult<IReadOnlyList<Lead>>([]);
        }

        var names = stages.Distinct().Select(s => s.ToString()).ToList();
        return database.ReadAsync<IReadOnlyList<Lead>>(
            async connection =>
            {
                // ix_leads_stage finds the rows; the stage names are enum names, bound as parameters.
                var placeholders = string.Join(", ", names.Select((_, i) => SqliteCommands.Name("@s", i)));
                await using var command = connection.Command(
                    $"SELECT version, json FROM leads WHERE stage IN ({placeholders}) ORDER BY artist_id LIMIT @max;")
                    .With("@max", max);
                for (var i = 0; i < names.Count; i++)
                {
                    command.With(SqliteCommands.Name("@s", i), names[i]);
                }

                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var leads = new List<Lead>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    leads.Add(Read(reader));
                }

                return leads;
            },
            cancellationToken);
    }

    public Task<IReadOnlyDictionary<FunnelStage, long>> CountByStageAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyDictionary<FunnelStage, long>>(
            async connection =>
            {
                await using var command = connection.Command("SELECT stage, COUNT(*) FROM leads GROUP BY stage;");
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var counts = new Dictionary<FunnelStage, long>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    counts[Enum.Parse<FunnelStage>(reader.GetString(0))] = reader.GetInt64(1);
                }

                return counts;
            },
            cancellationToken);

    private static Lead Read(SqliteDataReader reader) =>
        LocalJson.Deserialize<Lead>(reader.GetString(1)) with { Version = reader.GetInt64(0) };
}

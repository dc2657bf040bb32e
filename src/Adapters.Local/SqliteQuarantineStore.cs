using Microsoft.Data.Sqlite;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Adapters.Local;

/// <summary>
/// <see cref="IQuarantineStore"/> on the shared SQLite file: the record as JSON, plus one row per
/// distinct reason code so counts by reason are a plain GROUP BY.
/// </summary>
public sealed class SqliteQuarantineStore(SqliteDatabase database, TimeProvider time) : IQuarantineStore
{
    public Task<bool> AddAsync(QuarantinedRecord record, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(events);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var insert = connection.Command(
                    """
                    INSERT INTO quarantine (source_record_id, quarantined_at, json) VALUES (@id, @at, @json)
                    ON CONFLICT (source_record_id) DO NOTHING;
                    """,
                    transaction)
                    .With("@id", record.SourceRecordId)
                    .With("@at", SqliteCommands.ToTicks(record.QuarantinedAt))
                    .With("@json", LocalJson.Serialize(record));
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    return false;
                }

                await using var reason = connection.Command(
                    "INSERT OR IGNORE INTO quarantine_reasons (source_record_id, code) VALUES (@id, @code);",
                    transaction)
                    .With("@id", record.SourceRecordId);
                var code = reason.Parameters.Add("@code", SqliteType.Text);
                foreach (var failure in record.Reasons)
                {
                    code.Value = failure.Code;
                    await reason.ExecuteNonQueryAsync(cancellationToken);
                }

                await JournalRows.InsertAsync(connection, transaction, events, time.GetUtcNow(), cancellationToken);
                return true;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<QuarantinedRecord>> ListAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return database.ReadAsync<IReadOnlyList<QuarantinedRecord>>(
            async connection =>
            {
                // rowid breaks ties between records quarantined at the same instant: latest insert first.
                await using var command = connection.Command("SELECT json FROM quarantine ORDER BY quarantined_at DESC, rowid DESC LIMIT @max;")
                    .With("@max", maxCount);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var records = new List<QuarantinedRecord>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    records.Add(LocalJson.Deserialize<QuarantinedRecord>(reader.GetString(0)));
                }

                return records;
            },
            cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, long>> CountByReasonAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyDictionary<string, long>>(
            async connection =>
            {
                await using var command = connection.Command("SELECT code, COUNT(*) FROM quarantine_reasons GROUP BY code;");
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var counts = new Dictionary<string, long>(StringComparer.Ordinal);
                while (await reader.ReadAsync(cancellationToken))
                {
                    counts[reader.GetString(0)] = reader.GetInt64(1);
                }

                return counts;
            },
            cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = connection.Command("SELECT COUNT(*) FROM quarantine;");
                return await command.ScalarInt64Async(cancellationToken);
            },
            cancellationToken);
}

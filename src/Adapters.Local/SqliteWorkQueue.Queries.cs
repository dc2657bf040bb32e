using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Local;

public sealed partial class SqliteWorkQueue
{
    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return database.ReadAsync<IReadOnlyList<DeadLetter>>(
            async connection =>
            {
                await using var command = connection.Command(
                    "SELECT id, kind, subject_id, attempts, reason, dead_lettered_at FROM dead_letters ORDER BY rowid LIMIT @max;")
                    .With("@max", maxCount);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var letters = new List<DeadLetter>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    letters.Add(new DeadLetter(
                        new WorkItem(reader.GetString(0), reader.GetString(1), reader.GetString(2)),
                        reader.GetInt32(3),
                        reader.GetString(4),
                        reader.GetTicksAsTime(5)));
                }

                return letters;
            },
            cancellationToken);
    }

    public Task<long> GetDepthAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = connection.Command("SELECT COUNT(*) FROM work_items;");
                return await command.ScalarInt64Async(cancellationToken);
            },
            cancellationToken);
}

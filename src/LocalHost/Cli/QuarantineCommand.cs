using MonaSpark.Application.Ports;

namespace MonaSpark.LocalHost.Cli;

/// <summary><c>quarantine [--limit N]</c>: the most recently quarantined records with every reason.</summary>
internal static class QuarantineCommand
{
    public static Task<int> RunAsync(string dataDirectory, int limit, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        HostStartup.WithExistingDataAsync(dataDirectory, error, async services =>
        {
            var store = services.GetRequiredService<IQuarantineStore>();
            var records = await store.ListAsync(limit, cancellationToken);
            await output.WriteLineAsync($"{await store.CountAsync(cancellationToken)} quarantined records; the {records.Count} most recent:");
            foreach (var record in records)
            {
                await output.WriteLineAsync($"{record.QuarantinedAt:yyyy-MM-dd HH:mm:ss}  {record.Source,-10} {Clip(record.ExternalId, 40),-40} {record.SourceRecordId}");
                foreach (var reason in record.Reasons)
                {
                    await output.WriteLineAsync($"    {reason.Code,-16} {reason.Field}: {Clip(reason.Message, 100)}");
                }
            }

            return 0;
        });

    /// <summary><c>dead-letters [--limit N]</c>: work items that used up their attempts or failed for good, with the last reason.</summary>
    public static Task<int> DeadLettersAsync(string dataDirectory, int limit, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        HostStartup.WithExistingDataAsync(dataDirectory, error, async services =>
        {
            var letters = await services.GetRequiredService<IWorkQueue>().ListDeadLettersAsync(limit, cancellationToken);
            await output.WriteLineAsync($"{letters.Count} dead-lettered work items (oldest first, at most {limit}):");
            foreach (var letter in letters)
            {
                await output.WriteLineAsync($"{letter.DeadLetteredAt:yyyy-MM-dd HH:mm:ss}  {letter.Item.Kind,-14} {letter.Item.Id}  after {letter.Attempts} attempt(s)");
                await output.WriteLineAsync($"    {Clip(letter.Reason, 160)}");
            }

            return 0;
        });

    /// <summary>Quarantined text is untrusted: one line, bounded, control characters removed.</summary>
    private static string Clip(string text, int max)
    {
        var clean = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return clean.Length <= max ? clean : clean[..(max - 1)] + "…";
    }
}

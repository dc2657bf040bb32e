using MonaSpark.Application.Ports;
using MonaSpark.LocalHost.Hosting;

namespace MonaSpark.LocalHost.Cli;

/// <summary><c>quarantine [--limit N]</c>: the most recently quarantined records with every reason.</summary>
internal static class QuarantineCommand
{
    public static async Task<int> RunAsync(string dataDirectory, int limit, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(dataDirectory))
        {
            await error.WriteLineAsync($"monaspark: '{dataDirectory}' does not exist (run the demo first, or pass --data)");
            return HostStartup.DataError;
        }

        await using var app = LocalWebHost.Build(dataDirectory, quiet: true);
        if (HostStartup.Check(app.Services) is { } problem)
        {
            await error.WriteLineAsync($"monaspark: {problem}");
            return HostStartup.DataError;
        }

        var store = app.Services.GetRequiredService<IQuarantineStore>();
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
    }

    /// <summary>Quarantined text is untrusted: one line, bounded, control characters removed.</summary>
    private static string Clip(string text, int max)
    {
        var clean = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return clean.Length <= max ? clean : clean[..(max - 1)] + "…";
    }
}

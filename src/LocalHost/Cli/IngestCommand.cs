using System.Text.Json;
using MonaSpark.Application.Ingestion;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Queries;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Sources;
using MonaSpark.LocalHost.Hosting;

namespace MonaSpark.LocalHost.Cli;

/// <summary>
/// <c>ingest --source &lt;kind&gt; --file &lt;path&gt;</c>: lands a file of payloads (one JSON document per
/// line, in the source's own shape) through the same validation and resolution as a sync, then
/// processes the queue until it is drained. A line that is not JSON is landed as it is and
/// quarantined with its reason: nothing in the file is dropped.
/// </summary>
internal static class IngestCommand
{
    /// <summary>Lines landed per unit of work.</summary>
    public const int LandingBatch = 256;

    public static async Task<int> RunAsync(string dataDirectory, SourceKind source, string file, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"monaspark: --file: '{file}' does not exist");
            return MonaSparkCli.UsageError;
        }

        await using var app = LocalWebHost.Build(dataDirectory, quiet: true);
        if (HostStartup.Check(app.Services) is { } problem)
        {
            await error.WriteLineAsync($"monaspark: {problem}");
            return HostStartup.DataError;
        }

        var kpis = app.Services.GetRequiredService<KpiQuery>();
        var before = await kpis.GetAsync(cancellationToken);
        var ingestion = app.Services.GetRequiredService<RecordIngestion>();
        int lines = 0, added = 0;
        var unitOfWork = app.Services.GetRequiredService<IUnitOfWork>();
        using (var reader = new StreamReader(file))
        {
            // Land in batches: one transaction per batch on the embedded store; each line still goes
            // through the same use case, and a crash mid-batch lands nothing of that batch twice.
            var done = false;
            while (!done)
            {
                await using var scope = await unitOfWork.BeginAsync(cancellationToken);
                for (var inBatch = 0; inBatch < LandingBatch; inBatch++)
                {
                    if (await reader.ReadLineAsync(cancellationToken) is not { } line)
                    {
                        done = true;
                        break;
                    }

                    lines++;
                    if (string.IsNullOrWhiteSpace(line))
                    {
                        continue;
                    }

                    var outcome = await ingestion.IngestAsync(source, new RawRecord(ExternalIdOf(source, line, lines), line), cancellationToken);
                    added += outcome.Added ? 1 : 0;
                }

                await scope.CommitAsync(cancellationToken);
            }
        }

        var runner = app.Services.GetRequiredService<QueuedWorkRunner>();
        while (await runner.RunBatchAsync(WorkQueuePump.BatchSize, cancellationToken) > 0)
        {
        }

        var after = await kpis.GetAsync(cancellationToken);
        await output.WriteLineAsync($"Read {lines} lines from {file}: {added} new records, {lines - added} already landed or blank.");
        await output.WriteLineAsync($"Accepted {after.RecordsAccepted - before.RecordsAccepted}, quarantined {after.RecordsQuarantined - before.RecordsQuarantined}; artists now {after.Artists} ({after.Artists - before.Artists:+#;-#;0}).");
        if (after.QueueDepth > 0)
        {
            await output.WriteLineAsync($"{after.QueueDepth} work items are waiting for a retry; `serve` finishes them.");
        }

        return 0;
    }

    /// <summary>The source's own id for the subject: where each documented shape keeps it.</summary>
    internal static string ExternalIdOf(SourceKind source, string line, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var id = source switch
            {
                SourceKind.SoundCloud => Property(root, "user", "id"),
                SourceKind.Instagram => Property(root, "business_discovery", "id") ?? Property(root, "id"),
                SourceKind.Web => Property(root, "url"),
                _ => Property(root, "id"),
            };
            return string.IsNullOrWhiteSpace(id) || id.Length > 256 ? $"line-{lineNumber}" : id;
        }
        catch (JsonException)
        {
            return $"line-{lineNumber}";
        }
    }

    private static string? Property(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            _ => null,
        };
    }
}

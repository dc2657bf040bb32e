using MonaSpark.Application.Queries;

namespace MonaSpark.LocalHost.Cli;

/// <summary><c>journeys</c>: journeys started, ended by outcome and in flight; messages by status; the no-duplicate and none-lost checks.</summary>
internal static class JourneysCommand
{
    public static Task<int> RunAsync(string dataDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        HostStartup.WithExistingDataAsync(dataDirectory, error, async services =>
        {
            var report = await services.GetRequiredService<JourneysQuery>().GetAsync(cancellationToken);
            await WriteAsync(output, report);
            return 0;
        });

    public static async Task WriteAsync(TextWriter output, JourneysReport report)
    {
        await output.WriteLineAsync($"Journeys started: {report.Started}");
        await output.WriteLineAsync($"Journeys ended: {report.Ended} ({string.Join(", ", report.Outcomes.OrderByDescending(o => o.Value).ThenBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}"))})");
        await output.WriteLineAsync($"Journeys in flight: {report.InFlight}");
        await output.WriteLineAsync($"Messages: {string.Join(", ", report.MessagesByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key.ToString().ToLowerInvariant()} {s.Value}"))}");
        await output.WriteLineAsync($"Messages sent: {report.SentByChannel.Values.Sum()} ({string.Join(", ", report.SentByChannel.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key}"))})");
        await output.WriteLineAsync($"OutreachSent events: {report.SentEvents}");
        await output.WriteLineAsync($"Messages sent twice: {report.DuplicatedSends}");
        await output.WriteLineAsync($"Messages stranded by an ended journey: {report.Stranded}");
    }
}

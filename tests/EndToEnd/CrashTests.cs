using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace MonaSpark.EndToEnd;

/// <summary>
/// The local host killed (SIGKILL) during the demo with journeys in flight, then started again on the
/// same data: it resumes the journeys from the journal, and when they have all ended no message was
/// sent twice and none was lost.
/// </summary>
public sealed partial class CrashTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Exit = TimeSpan.FromMinutes(2);

    /// <summary>The demo's outreach settings, so the restarted host runs the resumed journeys the same way.</summary>
    private static readonly Dictionary<string, string> DemoOutreach = new()
    {
        ["MonaSpark__Journeys__TimeUnit"] = "00:00:00.5",
        ["MonaSpark__Outreach__Windows__Email"] = "00:00-24:00",
        ["MonaSpark__Outreach__Windows__Sms"] = "00:00-24:00",
        ["MonaSpark__Outreach__SenderHealth__WarmUpStart"] = "400",
        ["MonaSpark__Outreach__RateLimits__Email__PerSecond"] = "20",
    };

    [Fact(Timeout = 300_000)]
    public async Task KillDuringTheDemo_RestartResumesEveryJourney_NoSendDuplicatedOrLost()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        var outbox = Path.Combine(data, "outbox", "email");

        await using (var demo = LocalHostProcess.Start("demo", "--for", "120s", "--data", data))
        {
            await WaitUntilAsync(() => demo.Output.Contains("journeys started", StringComparison.Ordinal) && Emails(outbox) >= 3, demo, TimeSpan.FromSeconds(100));
            await Task.Delay(300);
        } // killed with its journeys in flight

        var before = await JourneysAsync(data);
        log.WriteLine($"At the kill:\n{before}");
        Number(before, "Journeys in flight").ShouldBeGreaterThan(0, "the kill must catch journeys in flight");
        var sentAtKill = Emails(outbox);

        await using (var serve = LocalHostProcess.Start(DemoOutreach, "serve", "--data", data))
        {
            // Every resumed journey runs to its end (waits of half a second, sends through the queue):
            // look at the journal every two seconds, for at most 90.
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (Number(await JourneysAsync(data), "Journeys in flight") > 0 && DateTime.UtcNow < until)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }

        var after = await JourneysAsync(data);
        log.WriteLine($"After the restart:\n{after}\n(e-mails in the outbox: {sentAtKill} at the kill, {Emails(outbox)} after)");
        Number(after, "Journeys in flight").ShouldBe(0);
        Number(after, "Journeys ended").ShouldBe(Number(after, "Journeys started"));
        Number(after, "Messages sent twice").ShouldBe(0);
        Number(after, "Messages stranded by an ended journey").ShouldBe(0);
        Number(after, "OutreachSent events").ShouldBe(Number(after, "Messages sent"));
        Emails(outbox).ShouldBe((int)Number(after, "Messages sent"));
    }

    private static int Emails(string outbox) => Directory.Exists(outbox) ? Directory.EnumerateFiles(outbox, "*.eml").Count() : 0;

    private static async Task<string> JourneysAsync(string data)
    {
        var (code, output, error) = await LocalHostProcess.RunAsync(Exit, "journeys", "--data", data);
        code.ShouldBe(0, error);
        return output;
    }

    private static long Number(string report, string label)
    {
        var match = Regex.Match(report, $@"^{Regex.Escape(label)}: (\d+)", RegexOptions.Multiline);
        match.Success.ShouldBeTrue($"'{label}' not in:\n{report}");
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, LocalHostProcess host, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"stdout:\n{host.Output}\nstderr:\n{host.Error}");
            }

            await Task.Delay(50);
        }
    }
}

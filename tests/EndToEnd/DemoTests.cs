using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MonaSpark.EndToEnd;

/// <summary>The README's main job, run as a user runs it: a bounded demo, its report and its HTTP surface.</summary>
public sealed partial class DemoTests
{
    private static readonly TimeSpan Exit = TimeSpan.FromSeconds(90);

    [Fact(Timeout = 180_000)]
    public async Task Demo_For20s_ReportsTheRunAndServesLeads()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        await using var host = LocalHostProcess.Start("demo", "--for", "50s", "--data", data);
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        // While the demo serves: the leads come in by priority with their explanation.
        var leads = await PollLeadsAsync(http, host, minimum: 10);
        leads.Count.ShouldBeGreaterThanOrEqualTo(10);
        var priorities = leads.Select(l => l.GetProperty("priorityMinor").GetInt64()).ToList();
        priorities.ShouldBe(priorities.OrderDescending().ToList());
        foreach (var lead in leads)
        {
            lead.GetProperty("modelVersion").GetString()!.ShouldMatch("^(baseline-1|lead-[0-9]{8}T[0-9]{6}-[0-9a-f]{8})$");
            lead.GetProperty("explanation").GetArrayLength().ShouldBeGreaterThan(0);
            lead.GetProperty("probability").GetDouble().ShouldBeInRange(0.0, 1.0);
        }

        (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var dashboard = await http.GetStringAsync(new Uri("/dashboard", UriKind.Relative));
        dashboard.ShouldContain("Top leads");
        dashboard.ShouldContain("<h2 id=\"outbox\">Outbox</h2>");
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        metrics.ShouldContain("monaspark_records_ingested");
        var artistId = leads[0].GetProperty("artistId").GetString()!;
        var artist = await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/artists/{artistId}", UriKind.Relative));
        var provenance = artist.GetProperty("name").GetProperty("provenance");
        provenance.GetProperty("source").GetString().ShouldBeOneOf("Import", "Spotify", "YouTube", "SoundCloud", "Instagram", "Web");
        provenance.GetProperty("sourceRecordId").GetString().ShouldStartWith("src-");
        artist.GetProperty("growth").EnumerateArray().Select(g => g.GetProperty("days").GetInt32()).ShouldBe([7, 28, 90]);
        var reviews = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/reviews", UriKind.Relative));
        reviews.GetProperty("count").GetInt32().ShouldBe(reviews.GetProperty("reviews").GetArrayLength());

        var bad = await http.GetAsync(new Uri("/api/leads?top=abc", UriKind.Relative));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await http.GetAsync(new Uri("/api/artists/art-doesnotexist", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Then it stops by itself and prints the report.
        (await host.WaitForExitAsync(Exit)).ShouldBe(0, host.Error);
        var report = host.Output;
        Count(report, "Records ingested").ShouldBeGreaterThanOrEqualTo(100);
        Count(report, "quarantined").ShouldBeGreaterThan(0);
        Count(report, "Leads scored").ShouldBeGreaterThanOrEqualTo(100);
        report.ShouldContain("Top 10 leads");

        // Outreach: a journey per qualified lead, every one ended (sent, answered by the simulated
        // recipients, or unreachable), the e-mails in the outbox folder, checkouts opened for those who signed up.
        var journeys = Count(report, "Outreach");
        journeys.ShouldBeGreaterThan(10);
        Count(report, "journeys ended").ShouldBe(journeys);
        report.ShouldMatch(@"messages sent: \d+ Email");
        report.ShouldMatch(@"paid \d+");
        Directory.EnumerateFiles(Path.Combine(data, "outbox", "email"), "*.eml").Count().ShouldBe((int)Count(report, "messages sent"));

        // Simulated outcomes train a model that beats the baseline on held-out outcomes; the leads are rescored by it.
        report.ShouldContain("Simulated outcomes (no outreach has run yet): 5000 synthetic artists contacted");
        var promoted = Regex.Match(report, @"Promoted (lead-[0-9T]+-[0-9a-f]{8}) to champion");
        promoted.Success.ShouldBeTrue(report);
        Regex.Count(report, $@"\s{promoted.Groups[1].Value}\s*$", RegexOptions.Multiline).ShouldBe(10); // the model column of the top 10
        RankLine().Count(report).ShouldBe(10);
        WhyLine().Count(report).ShouldBe(10);
        host.Error.ShouldBeEmpty();

        // The data stays: kpis reads the same figures back.
        var (code, output, _) = await LocalHostProcess.RunAsync(Exit, "kpis", "--data", data);
        code.ShouldBe(0);
        Count(output, "Records ingested").ShouldBe(Count(report, "Records ingested"));

        // Web pages are queued by the sync and fetched by the queue's workers; the page robots.txt
        // forbids is dead-lettered with that reason, not retried and not lost.
        report.ShouldMatch(@"web\s+\d+ pages queued for fetching");
        Regex.Match(report, @"\n\s+Web\s+(\d+)\s+(\d+)").Groups[2].Value.ShouldNotBe("0");
        var (letters, lettersOutput, _) = await LocalHostProcess.RunAsync(Exit, "dead-letters", "--data", data);
        letters.ShouldBe(0);
        lettersOutput.ShouldContain("fetch-page");
        lettersOutput.ShouldContain("Robots: robots.txt");

        // Training again on the same outcomes gives a model no better than the champion: it is kept.
        var (trained, trainOutput, trainError) = await LocalHostProcess.RunAsync(Exit, "train", "--include-simulated", "--data", data);
        trained.ShouldBe(0, trainError);
        trainOutput.ShouldContain($"Champion {promoted.Groups[1].Value} kept");
        var (listed, models, _) = await LocalHostProcess.RunAsync(Exit, "models", "--data", data);
        listed.ShouldBe(0);
        models.ShouldContain($"Champion: {promoted.Groups[1].Value}");
        models.ShouldMatch(@"Challenger: lead-[0-9T]+-[0-9a-f]{8} on 10% of artists");

        // The read models rebuild from the journal alone.
        var (rebuilt, projections, _) = await LocalHostProcess.RunAsync(Exit, "rebuild-projections", "--data", data);
        rebuilt.ShouldBe(0);
        projections.ShouldMatch(@"funnel\s+rebuilt: 2 rows");
        // One contact history per simulated artist, and one per artist the demo's outreach reached.
        var histories = int.Parse(Regex.Match(projections, @"contact-history\s+rebuilt: (\d+) rows").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        ((long)histories).ShouldBe(5000 + Count(report, "journeys ended"));
    }

    [Fact(Timeout = 180_000)]
    public async Task Demo_RunTwiceOnTheSameData_ResolvesToTheSameArtists()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        var first = await LocalHostProcess.RunAsync(Exit, "demo", "--for", "25s", "--records", "40", "--data", data);
        var second = await LocalHostProcess.RunAsync(Exit, "demo", "--for", "25s", "--records", "40", "--data", data);

        first.ExitCode.ShouldBe(0, first.Error);
        second.ExitCode.ShouldBe(0, second.Error);
        // Compare settled stores only: both runs must have drained their pipelines before the report.
        first.Output.ShouldContain("Pipeline drained");
        second.Output.ShouldContain("Pipeline drained");
        // A re-fetch lands new observations of the same artists: records grow, artists do not.
        Count(second.Output, "Artists").ShouldBe(Count(first.Output, "Artists"), $"first run:\n{first.Output}\nsecond run:\n{second.Output}");
        Count(second.Output, "Records ingested").ShouldBeGreaterThan(Count(first.Output, "Records ingested"));
    }

    private static async Task<List<JsonElement>> PollLeadsAsync(HttpClient http, LocalHostProcess host, int minimum)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(18);
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                var body = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/leads?top=10", UriKind.Relative));
                var leads = body.GetProperty("leads").EnumerateArray().ToList();
                if (leads.Count >= minimum)
                {
                    return leads;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No {minimum} leads in time.\nstdout:\n{host.Output}\nstderr:\n{host.Error}");
    }

    private static long Count(string report, string label)
    {
        var match = Regex.Match(report, $@"^\s*{Regex.Escape(label)}:?\s+([\d,]+)", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        match.Success.ShouldBeTrue($"'{label}' not in:\n{report}");
        return long.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\s+\d+\s{2}\S.*\s(Hot|Warm|Cold)\s", RegexOptions.Multiline)]
    private static partial Regex RankLine();

    [GeneratedRegex(@"^\s+why: \S", RegexOptions.Multiline)]
    private static partial Regex WhyLine();
}

namespace MonaSpark.EndToEnd;

/// <summary><c>ingest</c> and <c>quarantine</c> as a user runs them.</summary>
public sealed class IngestTests
{
    private static readonly TimeSpan Exit = TimeSpan.FromSeconds(60);

    private const string Valid =
        "{\"id\":\"imp-1\",\"name\":\"Zélie Marée\",\"country\":\"FR\",\"email\":\"booking@zelie.example\","
        + "\"profiles\":[{\"platform\":\"spotify\",\"id\":\"sp1\",\"url\":\"https://open.spotify.com/artist/sp1\"}],"
        + "\"metrics\":[{\"platform\":\"spotify\",\"observedAt\":\"2026-10-30T00:00:00Z\",\"followers\":1200}],\"observedAt\":\"2026-10-31T10:00:00Z\"}";

    [Fact(Timeout = 120_000)]
    public async Task Ingest_SameFileTwice_LeavesTheSameStore_AndQuarantinesWithReasons()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        var file = Path.Combine(temp.Path, "records.jsonl");
        await File.WriteAllLinesAsync(file, [Valid, "{\"id\":\"imp-2\",\"name\":42}", "not json", "", Valid]);

        var first = await LocalHostProcess.RunAsync(Exit, "ingest", "--source", "import", "--file", file, "--data", data);
        var kpisAfterFirst = await LocalHostProcess.RunAsync(Exit, "kpis", "--data", data);
        var second = await LocalHostProcess.RunAsync(Exit, "ingest", "--source", "import", "--file", file, "--data", data);
        var kpisAfterSecond = await LocalHostProcess.RunAsync(Exit, "kpis", "--data", data);

        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldContain("3 new records");
        first.Output.ShouldContain("Accepted 1, quarantined 2");
        second.ExitCode.ShouldBe(0, second.Error);
        second.Output.ShouldContain("0 new records");
        kpisAfterSecond.Output.ShouldBe(kpisAfterFirst.Output);

        var listed = await LocalHostProcess.RunAsync(Exit, "quarantine", "--data", data);
        listed.ExitCode.ShouldBe(0);
        listed.Output.ShouldContain("2 quarantined records");
        listed.Output.ShouldContain("malformed-json");
        listed.Output.ShouldContain("$.name");
    }

    [Theory(Timeout = 60_000)]
    [InlineData("--source", "myspace")]
    [InlineData("--source", "import", "--file", "/nonexistent/records.jsonl")]
    public async Task Ingest_BadInput_ExitsTwoWithOneLine(params string[] args)
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "records.jsonl");
        await File.WriteAllTextAsync(file, Valid);
        var full = new List<string> { "ingest" };
        full.AddRange(args);
        if (!args.Contains("--file"))
        {
            full.AddRange(["--file", file]);
        }

        full.AddRange(["--data", Path.Combine(temp.Path, "data")]);

        var (code, _, error) = await LocalHostProcess.RunAsync(Exit, [.. full]);

        code.ShouldBe(2);
        error.Trim().Split('\n').Length.ShouldBe(1);
    }
}

using System.Text.RegularExpressions;

namespace MonaSpark.EndToEnd;

/// <summary>A person decides an uncertain match, then changes their mind: the merge is undone from the source records.</summary>
public sealed partial class ResolutionTests
{
    private static readonly TimeSpan Exit = TimeSpan.FromSeconds(150);

    [Fact(Timeout = 300_000)]
    public async Task Review_AcceptThenUnmerge_RestoresBothArtists()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        var demo = await LocalHostProcess.RunAsync(Exit, "demo", "--for", "75s", "--records", "20", "--data", data);
        demo.ExitCode.ShouldBe(0, demo.Error);
        demo.Output.ShouldContain("Pipeline drained");
        var before = Artists((await LocalHostProcess.RunAsync(Exit, "kpis", "--data", data)).Output);

        var listed = await LocalHostProcess.RunAsync(Exit, "reviews", "--data", data, "--limit", "1");
        listed.ExitCode.ShouldBe(0, listed.Error);
        var id = ReviewId().Match(listed.Output).Value;
        id.ShouldNotBeNullOrEmpty(listed.Output);

        var accepted = await LocalHostProcess.RunAsync(Exit, "review", id, "--accept", "--data", data);
        accepted.ExitCode.ShouldBe(0, accepted.Error);
        Artists((await LocalHostProcess.RunAsync(Exit, "kpis", "--data", data)).Output).ShouldBe(before - 1);

        var undo = UnmergeHint().Match(accepted.Output);
        undo.Success.ShouldBeTrue(accepted.Output);
        var unmerged = await LocalHostProcess.RunAsync(Exit, "unmerge", undo.Groups[1].Value, undo.Groups[2].Value, "--data", data);
        unmerged.ExitCode.ShouldBe(0, unmerged.Error);
        Artists((await LocalHostProcess.RunAsync(Exit, "kpis", "--data", data)).Output).ShouldBe(before);

        var again = await LocalHostProcess.RunAsync(Exit, "unmerge", undo.Groups[1].Value, undo.Groups[2].Value, "--data", data);
        again.ExitCode.ShouldBe(2);
        again.Error.Trim().Split('\n').Length.ShouldBe(1);
    }

    private static long Artists(string kpis) => long.Parse(ArtistsLine().Match(kpis).Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"rev-[0-9a-f]+")]
    private static partial Regex ReviewId();

    [GeneratedRegex(@"`unmerge (art-[0-9a-f]+) (art-[0-9a-f]+)`")]
    private static partial Regex UnmergeHint();

    [GeneratedRegex(@"^Artists:\s+([\d,]+)", RegexOptions.Multiline)]
    private static partial Regex ArtistsLine();
}

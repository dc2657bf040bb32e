namespace MonaSpark.EndToEnd;

/// <summary>Bad input is one clear line and a non-zero exit, never a stack trace.</summary>
public sealed class BadInputTests
{
    private static readonly TimeSpan Exit = TimeSpan.FromSeconds(60);

    private static void ShouldBeOneLine(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, error);
        error.ShouldNotContain("   at ");
        error.ShouldStartWith("monaspark: ");
    }

    [Theory(Timeout = 60_000)]
    [InlineData("frobnicate")]
    [InlineData("demo", "--for", "soon")]
    [InlineData("demo", "--for")]
    [InlineData("demo", "--records", "0")]
    [InlineData("demo", "--bogus")]
    public async Task BadCommandLine_ExitsTwoWithOneLine(params string[] args)
    {
        var (code, _, error) = await LocalHostProcess.RunAsync(Exit, args);

        code.ShouldBe(2);
        ShouldBeOneLine(error);
    }

    [Fact(Timeout = 60_000)]
    public async Task NoVerb_ExitsTwo()
    {
        var (code, _, error) = await LocalHostProcess.RunAsync(Exit);

        code.ShouldBe(2);
        ShouldBeOneLine(error);
    }

    [Fact(Timeout = 60_000)]
    public async Task ForeignDataDirectory_ExitsOneWithOneLine()
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(temp.Path, "thesis.docx"), "not ours");

        var (code, _, error) = await LocalHostProcess.RunAsync(Exit, "demo", "--for", "2s", "--data", temp.Path);

        code.ShouldBe(1);
        ShouldBeOneLine(error);
        error.ShouldContain("not a MonaSpark data directory");
        File.Exists(Path.Combine(temp.Path, "monaspark.db")).ShouldBeFalse();
    }

    [Fact(Timeout = 60_000)]
    public async Task CorruptDatabase_ExitsOneWithOneLine()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        (await LocalHostProcess.RunAsync(Exit, "demo", "--for", "2s", "--records", "5", "--data", data)).ExitCode.ShouldBe(0);
        foreach (var sidecar in Directory.GetFiles(data, "monaspark.db-*"))
        {
            File.Delete(sidecar);
        }

        await File.WriteAllBytesAsync(Path.Combine(data, "monaspark.db"), Enumerable.Repeat((byte)0x5A, 8192).ToArray());

        var (code, _, error) = await LocalHostProcess.RunAsync(Exit, "kpis", "--data", data);

        code.ShouldBe(1);
        ShouldBeOneLine(error);
        error.ShouldContain("corrupt");
    }

    [Fact(Timeout = 60_000)]
    public async Task Kpis_MissingDataDirectory_ExitsOne()
    {
        using var temp = new TempDirectory();

        var (code, _, error) = await LocalHostProcess.RunAsync(Exit, "kpis", "--data", Path.Combine(temp.Path, "nothing-here"));

        code.ShouldBe(1);
        ShouldBeOneLine(error);
    }
}

using MonaSpark.Adapters.Copywriting.Templates;

namespace MonaSpark.Adapters.Copywriting.Tests;

public class TemplateEngineTests
{
    private static readonly Dictionary<string, string> Values = new() { ["artist"] = "Luna", ["platform"] = "Spotify" };

    [Fact]
    public void Render_SubstitutesValues() => TemplateEngine.Render("Hi {artist} on {platform}.", Values, "s").ShouldBe("Hi Luna on Spotify.");

    [Fact]
    public void Render_Alternative_IsStablePerSeedAndVariesAcrossSeeds()
    {
        const string template = "{{a|b|c|d|e|f|g|h}}";
        var seeds = Enumerable.Range(0, 40).Select(i => $"art-{i}").ToList();

        seeds.ShouldAllBe(s => TemplateEngine.Render(template, Values, s) == TemplateEngine.Render(template, Values, s));
        seeds.Select(s => TemplateEngine.Render(template, Values, s)).Distinct().Count().ShouldBeGreaterThan(4);
    }

    [Fact]
    public void Render_AlternativeMayNameValues() =>
        new[] { "Hi Luna", "Hello Luna" }.ShouldContain(TemplateEngine.Render("{{Hi {artist}|Hello {artist}}}", Values, "s"));

    [Fact]
    public void Render_OptionalBlockWithAMissingValue_IsDropped() =>
        TemplateEngine.Render("Hi {artist}.[[ Up {growth} on {platform}.]][[ On {platform}.]]", Values, "s").ShouldBe("Hi Luna. On Spotify.");

    [Fact]
    public void Render_DropBlocks_DropsTheLastFirst()
    {
        const string template = "A[[ b]][[ c]][[ d]]";

        TemplateEngine.Render(template, Values, "s", 1).ShouldBe("A b c");
        TemplateEngine.Render(template, Values, "s", 3).ShouldBe("A");
        TemplateEngine.OptionalBlocks(template).ShouldBe(3);
    }

    [Fact]
    public void Render_ValuesAreNeverParsedAsTemplate()
    {
        var hostile = new Dictionary<string, string> { ["artist"] = "{{x|y}} [[z]] {platform}" };

        TemplateEngine.Render("Hi {artist}", hostile, "s").ShouldBe("Hi {{x|y}} [[z]] {platform}");
    }

    [Fact]
    public void Render_RequiredValueMissing_Throws() =>
        Should.Throw<InvalidOperationException>(() => TemplateEngine.Render("Hi {nobody}", Values, "s"));

    [Fact]
    public void Render_TidiesSpacesAndBlankLines() =>
        TemplateEngine.Render("  Hi  {artist} \n\n\n\n[[{growth}]]\n\nBye ", Values, "s").ShouldBe("Hi Luna\n\nBye");

    [Fact]
    public void CanRender_IgnoresOptionalBlocks()
    {
        TemplateEngine.CanRender("Hi {artist}[[ {growth}]]", Values).ShouldBeTrue();
        TemplateEngine.CanRender("Hi {growth}", Values).ShouldBeFalse();
    }
}

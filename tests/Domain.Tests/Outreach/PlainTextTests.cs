using System.Text;
using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Domain.Tests.Outreach;

public class PlainTextTests
{
    [Fact]
    public void Clean_RemovesInvisibleAndFoldsControlsAndSpaces() =>
        PlainText.Clean("  Lu\u200Bna\u202E  Vale\r\n\tfrom\u2003Lyon\uFEFF ").ShouldBe("Luna Vale from Lyon");

    [Fact]
    public void Clean_ComposesToNfc() => PlainText.Clean("Ze\u0301lie").ShouldBe("Zélie");

    [Fact]
    public void Clean_DropsUnpairedSurrogates() => PlainText.Clean("a\uD800b").ShouldBe("ab");

    [Fact]
    public void Clean_CutsAtAWordNearTheLimit()
    {
        PlainText.Clean("slow songs about rivers", 20).ShouldBe("slow songs about");
        PlainText.Clean("abcdefghij", 4).ShouldBe("abcd");
    }

    [Fact]
    public void Clean_NeverCutsASurrogatePair() => PlainText.Clean("abc🎵", 4).ShouldBe("abc");

    [Fact]
    public void Length_CountsScalarValues() => PlainText.Length("é🎵").ShouldBe(2);

    [Theory]
    [InlineData(' ', false)]
    [InlineData('\u00A0', false)]
    [InlineData('\u202F', false)]
    [InlineData('a', false)]
    [InlineData('\u200B', true)]
    [InlineData('\u2060', true)]
    [InlineData('\uE000', true)]
    public void IsInvisible_KnowsTheSpacesFrenchUses(char c, bool invisible) => PlainText.IsInvisible(new Rune(c)).ShouldBe(invisible);
}

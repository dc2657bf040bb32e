using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Domain.Tests.Outreach;

public class SmsSegmentsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(612, 4)]
    [InlineData(613, 5)]
    public void Count_Gsm7_160ThenBy153(int length, int segments) => SmsSegments.Count(new string('a', length)).ShouldBe(segments);

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    [InlineData(268, 4)]
    public void Count_Ucs2_70ThenBy67(int length, int segments) => SmsSegments.Count("ê" + new string('a', length - 1)).ShouldBe(segments);

    [Fact]
    public void Count_ExtensionCharacters_TakeTwoSeptets()
    {
        SmsSegments.Count(new string('€', 80)).ShouldBe(1);
        SmsSegments.Count(new string('€', 81)).ShouldBe(2);
    }

    [Fact]
    public void Count_ExtensionCharacterAtASegmentEdge_IsNotSplit()
    {
        // 152 septets, then '{' (2) does not fit in the first 153: it opens the second segment.
        SmsSegments.Count(new string('a', 152) + "{" + new string('a', 151)).ShouldBe(2);
        SmsSegments.Count(new string('a', 152) + "{" + new string('a', 152)).ShouldBe(3);
    }

    [Theory]
    [InlineData("Zélie à Paris, è ù ì ò Ç Ø å Ä ö ñ ü ß É", true)]
    [InlineData("vous êtes", false)]
    [InlineData("ça", false)]
    [InlineData("œuvre", false)]
    [InlineData("‘quotes’", false)]
    [InlineData("price: 5€ [ok] {x} ~ | ^ \\", true)]
    public void IsGsm7_TellsTheAlphabetApart(string text, bool gsm) => SmsSegments.IsGsm7(text).ShouldBe(gsm);

    [Fact]
    public void Count_SurrogatePair_CountsTwoAndIsNotSplit()
    {
        SmsSegments.Count(string.Concat(Enumerable.Repeat("🎵", 35))).ShouldBe(1);
        SmsSegments.Count("a" + string.Concat(Enumerable.Repeat("🎵", 35))).ShouldBe(2);
        // 66 units, then a pair that would straddle unit 67: it opens the second segment.
        SmsSegments.Count(new string('ê', 66) + "🎵" + new string('ê', 65)).ShouldBe(2);
        SmsSegments.Count(new string('ê', 66) + "🎵" + new string('ê', 66)).ShouldBe(3);
    }
}

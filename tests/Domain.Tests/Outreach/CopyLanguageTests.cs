using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Domain.Tests.Outreach;

public class CopyLanguageTests
{
    [Theory]
    [InlineData("FR")]
    [InlineData("BE")]
    [InlineData("CH")]
    [InlineData("LU")]
    [InlineData("MC")]
    [InlineData("CA")]
    [InlineData("SN")]
    [InlineData("CI")]
    [InlineData("CD")]
    [InlineData("MA")]
    [InlineData("RE")]
    [InlineData("fr")]
    public void ForMarket_FrancophoneMarket_IsFrench(string country) =>
        CopyLanguage.ForMarket(new CountryCode(country)).ShouldBe(CopyLanguage.French);

    [Theory]
    [InlineData("GB")]
    [InlineData("US")]
    [InlineData("DE")]
    [InlineData("NG")]
    [InlineData("JP")]
    [InlineData("ZZ")]
    public void ForMarket_OtherMarket_IsEnglish(string country) =>
        CopyLanguage.ForMarket(new CountryCode(country)).ShouldBe(CopyLanguage.English);

    [Fact]
    public void ForMarket_UnknownCountry_IsEnglish()
    {
        CopyLanguage.ForMarket(null).ShouldBe(CopyLanguage.English);
        CopyLanguage.ForMarket(default(CountryCode)).ShouldBe(CopyLanguage.English);
    }
}

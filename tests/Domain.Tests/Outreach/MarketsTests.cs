using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Commerce;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Domain.Tests.Outreach;

public class MarketsTests
{
    [Theory]
    [InlineData("FR", "Europe/Paris")]
    [InlineData("GB", "Europe/London")]
    [InlineData("CH", "Europe/Zurich")]
    [InlineData("US", "America/New_York")]
    [InlineData("CA", "America/Toronto")]
    [InlineData("BR", "America/Sao_Paulo")]
    [InlineData("AU", "Australia/Sydney")]
    [InlineData("JP", "Asia/Tokyo")]
    [InlineData("SN", "Africa/Dakar")]
    [InlineData("CI", "Africa/Abidjan")]
    public void ZoneOf_KnownCountry_ItsZone(string country, string zone) =>
        Markets.ZoneOf(new CountryCode(country))!.Id.ShouldBe(zone);

    [Fact]
    public void ZoneOf_LowerCaseCode_SameZone() => Markets.ZoneOf(new CountryCode("de"))!.Id.ShouldBe("Europe/Berlin");

    [Fact]
    public void ZoneOf_UnknownCountry_Null() => Markets.ZoneOf(new CountryCode("ZZ")).ShouldBeNull();

    [Fact]
    public void ZoneOf_NoCountry_Null() => Markets.ZoneOf(null).ShouldBeNull();

    [Theory]
    [InlineData("FR", "EUR")]
    [InlineData("IE", "EUR")]
    [InlineData("CH", "CHF")]
    [InlineData("GB", "GBP")]
    [InlineData("SE", "SEK")]
    [InlineData("NO", "NOK")]
    [InlineData("DK", "DKK")]
    [InlineData("US", "USD")]
    [InlineData("CA", "CAD")]
    [InlineData("MX", "MXN")]
    [InlineData("BR", "BRL")]
    [InlineData("AU", "AUD")]
    [InlineData("JP", "JPY")]
    [InlineData("KR", "KRW")]
    [InlineData("SN", "XOF")]
    public void CurrencyOf_KnownCountry_ItsCurrency(string country, string currency) =>
        Markets.CurrencyOf(new CountryCode(country), new CurrencyCode("GBP")).ShouldBe(new CurrencyCode(currency));

    [Fact]
    public void CurrencyOf_UnknownCountry_TheFallback() =>
        Markets.CurrencyOf(new CountryCode("ZZ"), new CurrencyCode("USD")).ShouldBe(new CurrencyCode("USD"));

    [Fact]
    public void CurrencyOf_NoCountry_TheFallback() =>
        Markets.CurrencyOf(null, new CurrencyCode("EUR")).ShouldBe(new CurrencyCode("EUR"));
}

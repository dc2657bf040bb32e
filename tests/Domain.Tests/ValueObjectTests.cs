using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Commerce;
using MonaSpark.Domain.Leads;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Tests;

public class ValueObjectTests
{
    [Fact]
    public void ArtistId_ForSource_IsDeterministicAndOpaque()
    {
        var a = ArtistId.ForSource(SourceKind.Spotify, "4Z8W4fKeB5YxbusRsdQVPb");

        a.ShouldBe(ArtistId.ForSource(SourceKind.Spotify, "4Z8W4fKeB5YxbusRsdQVPb"));
        a.ShouldNotBe(ArtistId.ForSource(SourceKind.YouTube, "4Z8W4fKeB5YxbusRsdQVPb"));
        a.Value.ShouldStartWith("art-");
        a.Value.ShouldNotContain("4Z8W");
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("<script>")]
    [InlineData("../etc")]
    public void ArtistId_TryParse_RefusesUnsafeIds(string value) => ArtistId.TryParse(value, out _).ShouldBeFalse();

    [Fact]
    public void Money_AddsInMinorUnits_AndRefusesMixedCurrencies()
    {
        (new Money(1999, CurrencyCode.Eur) + new Money(1, CurrencyCode.Eur)).ShouldBe(new Money(2000, CurrencyCode.Eur));
        Should.Throw<InvalidOperationException>(() => new Money(1, CurrencyCode.Eur) + new Money(1, CurrencyCode.Usd));
        new Money(123456, CurrencyCode.Eur).ToString().ShouldBe("1,234.56 EUR");
        new Money(1500, new CurrencyCode("JPY")).ToString().ShouldBe("1,500 JPY");
    }

    [Fact]
    public void CurrencyCode_Unknown_Throws() => Should.Throw<ArgumentException>(() => new CurrencyCode("XYZ"));

    [Fact]
    public void Offer_PriceIn_GivesTheCurrencysPriceOrNull()
    {
        var offer = new Offer("pro", "Pro", BillingPeriod.Monthly, new Dictionary<CurrencyCode, long> { [CurrencyCode.Eur] = 1900 });

        offer.PriceIn(CurrencyCode.Eur).ShouldBe(new Money(1900, CurrencyCode.Eur));
        offer.PriceIn(CurrencyCode.Usd).ShouldBeNull();
    }

    [Fact]
    public void Score_Priority_IsProbabilityTimesValueMinusCost()
    {
        var score = new Score(0.25, new Money(40000, CurrencyCode.Eur), "baseline-1", [], DateTimeOffset.UnixEpoch);

        score.Priority(new Money(150, CurrencyCode.Eur)).ShouldBe(9850);
        Should.Throw<ArgumentException>(() => score.Priority(new Money(150, CurrencyCode.Usd)));
    }

    [Fact]
    public void SourceRecord_IdFor_DependsOnContent()
    {
        var a = SourceRecord.IdFor(SourceKind.Import, "x", "{}");

        a.ShouldBe(SourceRecord.IdFor(SourceKind.Import, "x", "{}"));
        a.ShouldNotBe(SourceRecord.IdFor(SourceKind.Import, "x", "{ }"));
    }
}

using MonaSpark.Domain.Commerce;

namespace MonaSpark.Adapters.Payments.Tests;

public sealed class StripeAmountsTests
{
    [Theory]
    [InlineData("EUR", 1900, "eur")]
    [InlineData("USD", 1900, "usd")]
    [InlineData("GBP", 1900, "gbp")]
    [InlineData("CAD", 1900, "cad")]
    [InlineData("AUD", 1900, "aud")]
    [InlineData("CHF", 1900, "chf")]
    [InlineData("SEK", 19900, "sek")]
    [InlineData("NOK", 19900, "nok")]
    [InlineData("DKK", 14900, "dkk")]
    [InlineData("BRL", 9900, "brl")]
    [InlineData("MXN", 39900, "mxn")]
    [InlineData("JPY", 3000, "jpy")]
    [InlineData("KRW", 29000, "krw")]
    [InlineData("XOF", 12000, "xof")]
    public void UnitAmount_EverySupportedCurrency_MinorUnitsAgreeWithStripe(string code, long minor, string stripeCode)
    {
        var price = new Money(minor, new CurrencyCode(code));

        StripeAmounts.UnitAmount(price).ShouldBe(minor);
        StripeAmounts.Currency(price.Currency).ShouldBe(stripeCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void UnitAmount_NotPositive_Refused(long minor) =>
        Should.Throw<ArgumentOutOfRangeException>(() => StripeAmounts.UnitAmount(new Money(minor, CurrencyCode.Eur)));

    [Fact]
    public void ExpiryFor_CountsTheLifetimeFromTheStartOfTheHour()
    {
        var expiry = StripeCheckoutForm.ExpiryFor(new DateTimeOffset(2026, 11, 1, 14, 42, 17, TimeSpan.FromHours(2)), TimeSpan.FromHours(23) + TimeSpan.FromMinutes(55));

        expiry.ShouldBe(new DateTimeOffset(2026, 11, 2, 11, 55, 0, TimeSpan.Zero));
        StripeCheckoutForm.ExpiryFor(new DateTimeOffset(2026, 11, 1, 12, 59, 59, TimeSpan.Zero), TimeSpan.FromHours(2)).ShouldBe(new DateTimeOffset(2026, 11, 1, 14, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Mask_HidesWholeOrStarredKeys()
    {
        StripeFailures.Mask("Invalid API Key provided: sk_live_****abcd; also rk_test_51Abc and pk_live_x9.")
            .ShouldBe("Invalid API Key provided: [redacted]; also [redacted] and [redacted].");
    }
}

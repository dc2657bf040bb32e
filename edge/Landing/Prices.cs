using System.Globalization;
using MonaSpark.Domain.Commerce;

namespace MonaSpark.Edge.Landing;

/// <summary>Prices as the artist reads them: the amount in their language's format, the ISO currency, and the period.</summary>
internal static class Prices
{
    public static string Amount(Money price, CultureInfo culture)
    {
        var amount = price.MinorUnits / (decimal)Math.Pow(10, price.Currency.Exponent);
        return $"{amount.ToString("N" + price.Currency.Exponent.ToString(CultureInfo.InvariantCulture), culture)} {price.Currency.Value}";
    }

    public static string Per(BillingPeriod period, bool fr) => (period, fr) switch
    {
        (BillingPeriod.OneOff, true) => "une fois",
        (BillingPeriod.OneOff, false) => "once",
        (BillingPeriod.Yearly, true) => "par an",
        (BillingPeriod.Yearly, false) => "a year",
        (_, true) => "par mois",
        _ => "a month",
    };
}

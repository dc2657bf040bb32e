using System.Globalization;
using MonaSpark.Domain.Commerce;

namespace MonaSpark.Adapters.Payments;

/// <summary>
/// Money as Stripe reads it: <c>unit_amount</c> in the currency's smallest unit and the ISO code in
/// lower case. Stripe's smallest unit is our minor unit only where both agree on the decimals, so the
/// Domain's exponent is checked against Stripe's currency list instead of trusted.
/// </summary>
internal static class StripeAmounts
{
    /// <summary>
    /// Stripe's zero-decimal currencies (docs.stripe.com/currencies#zero-decimal): the amount is in
    /// whole units (¥500 is <c>500</c>). Every other currency Stripe charges in takes two decimals
    /// (€10.00 is <c>1000</c>), except the three-decimal ones below.
    /// </summary>
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.Ordinal)
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    /// <summary>Three-decimal currencies, which Stripe wants as a multiple of 10; not sold here.</summary>
    private static readonly HashSet<string> ThreeDecimal = new(StringComparer.Ordinal) { "BHD", "JOD", "KWD", "OMR", "TND" };

    /// <summary>The <c>unit_amount</c> for <paramref name="price"/>, refused when Stripe would read it at another scale.</summary>
    public static long UnitAmount(Money price)
    {
        ArgumentNullException.ThrowIfNull(price);
        var code = price.Currency.Value;
        var stripeExponent = ZeroDecimal.Contains(code) ? 0 : ThreeDecimal.Contains(code) ? 3 : 2;
        if (stripeExponent != price.Currency.Exponent || stripeExponent == 3)
        {
            // A mismatch would charge 100 times too much or too little: never send it.
            throw new NotSupportedException(string.Create(
                CultureInfo.InvariantCulture,
                $"{code} has {price.Currency.Exponent} decimals here and {stripeExponent} at Stripe: the amount cannot be sent as is."));
        }

        if (price.MinorUnits <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price.MinorUnits, "A checkout price is positive.");
        }

        return price.MinorUnits;
    }

    /// <summary>Stripe's currency parameter: the ISO 4217 code in lower case.</summary>
    public static string Currency(CurrencyCode currency) => currency.Value.ToLowerInvariant();
}

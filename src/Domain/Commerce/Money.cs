using System.Globalization;

namespace MonaSpark.Domain.Commerce;

/// <summary>An amount in minor units (cents): money is never a float.</summary>
public sealed record Money(long MinorUnits, CurrencyCode Currency)
{
    public static Money Zero(CurrencyCode currency) => new(0, currency);

    public static Money operator +(Money left, Money right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Currency != right.Currency)
        {
            throw new InvalidOperationException($"Cannot add {left.Currency} and {right.Currency}.");
        }

        return new Money(checked(left.MinorUnits + right.MinorUnits), left.Currency);
    }

    public Money Add(Money other) => this + other;

    /// <summary>Formats as e.g. <c>€12.34</c> / <c>12,34 €</c> according to <paramref name="culture"/>.</summary>
    public string Format(IFormatProvider? culture = null)
    {
        var divisor = (decimal)Math.Pow(10, Currency.Exponent);
        var amount = MinorUnits / divisor;
        return string.Create(culture ?? CultureInfo.InvariantCulture, $"{amount.ToString("N" + Currency.Exponent, culture ?? CultureInfo.InvariantCulture)} {Currency.Value}");
    }

    public override string ToString() => Format(CultureInfo.InvariantCulture);
}

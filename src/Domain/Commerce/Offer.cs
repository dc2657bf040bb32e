namespace MonaSpark.Domain.Commerce;

/// <summary>A plan the artist can buy, priced per currency in minor units.</summary>
public sealed record Offer(string Id, string Name, BillingPeriod Period, IReadOnlyDictionary<CurrencyCode, long> Prices)
{
    /// <summary>The price in <paramref name="currency"/>, or null when the offer is not sold in it.</summary>
    public Money? PriceIn(CurrencyCode currency) =>
        Prices.TryGetValue(currency, out var minor) ? new Money(minor, currency) : null;
}

/// <summary>How often a plan bills.</summary>
public enum BillingPeriod
{
    OneOff = 0,
    Monthly = 1,
    Yearly = 2,
}

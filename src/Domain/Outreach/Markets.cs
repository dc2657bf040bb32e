using System.Collections.Frozen;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Commerce;

namespace MonaSpark.Domain.Outreach;

/// <summary>
/// What an artist's country tells outreach: the time zone their quiet hours are read in, and the
/// currency they are priced in. A country spanning several zones gets its most populous one (the
/// United States: New York; Canada: Toronto; Brazil: São Paulo; Australia: Sydney); an unknown
/// country gets the defaults the caller gives.
/// </summary>
public static class Markets
{
    private static readonly FrozenDictionary<string, (string Zone, string Currency)> ByCountry = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["FR"] = ("Europe/Paris", "EUR"), ["BE"] = ("Europe/Brussels", "EUR"), ["LU"] = ("Europe/Luxembourg", "EUR"),
        ["DE"] = ("Europe/Berlin", "EUR"), ["AT"] = ("Europe/Vienna", "EUR"), ["NL"] = ("Europe/Amsterdam", "EUR"),
        ["ES"] = ("Europe/Madrid", "EUR"), ["IT"] = ("Europe/Rome", "EUR"), ["PT"] = ("Europe/Lisbon", "EUR"),
        ["IE"] = ("Europe/Dublin", "EUR"), ["FI"] = ("Europe/Helsinki", "EUR"), ["CH"] = ("Europe/Zurich", "CHF"),
        ["GB"] = ("Europe/London", "GBP"), ["SE"] = ("Europe/Stockholm", "SEK"), ["NO"] = ("Europe/Oslo", "NOK"),
        ["DK"] = ("Europe/Copenhagen", "DKK"), ["US"] = ("America/New_York", "USD"), ["CA"] = ("America/Toronto", "CAD"),
        ["MX"] = ("America/Mexico_City", "MXN"), ["BR"] = ("America/Sao_Paulo", "BRL"), ["AU"] = ("Australia/Sydney", "AUD"),
        ["JP"] = ("Asia/Tokyo", "JPY"), ["KR"] = ("Asia/Seoul", "KRW"), ["SN"] = ("Africa/Dakar", "XOF"),
        ["CI"] = ("Africa/Abidjan", "XOF"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The recipient's time zone, or null when the country is unknown (the policy's default applies).</summary>
    public static TimeZoneInfo? ZoneOf(CountryCode? country) =>
        country is { } c && ByCountry.TryGetValue(c.Value, out var market) && TimeZoneInfo.TryFindSystemTimeZoneById(market.Zone, out var zone) ? zone : null;

    /// <summary>The currency the artist is priced in, or <paramref name="fallback"/>.</summary>
    public static CurrencyCode CurrencyOf(CountryCode? country, CurrencyCode fallback) =>
        country is { } c && ByCountry.TryGetValue(c.Value, out var market) ? new CurrencyCode(market.Currency) : fallback;
}

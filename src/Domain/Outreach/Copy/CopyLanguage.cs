using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Outreach.Copy;

/// <summary>
/// The language of outreach copy, from the artist's market: French where French is the language of
/// business, English everywhere else and when the country is unknown.
/// </summary>
/// <remarks>
/// Canada (CA) is French, a deliberate choice: the profile has a country but no province, so Québec
/// cannot be told apart from the rest of Canada; French is an official language across the country,
/// and the platform's French copy is its home-market copy. The cost is that an English-speaking
/// Canadian artist receives French. The Maghreb (DZ, MA, TN) is French too: French is the working
/// language of its music business. Overseas French territories with their own ISO codes
/// (RE, GP, MQ, GF, YT, PM, NC, PF, WF, BL, MF) are France.
/// </remarks>
public static class CopyLanguage
{
    public const string English = "en";
    public const string French = "fr";

    /// <summary>The languages drafts are written in.</summary>
    public static readonly IReadOnlyList<string> Supported = [English, French];

    private static readonly HashSet<string> FrenchMarkets = new(StringComparer.Ordinal)
    {
        // Europe
        "FR", "BE", "CH", "LU", "MC",
        // Americas
        "CA", "HT",
        // French overseas territories with their own codes
        "RE", "GP", "MQ", "GF", "YT", "PM", "NC", "PF", "WF", "BL", "MF",
        // Francophone Africa: French an official language
        "SN", "CI", "ML", "BF", "NE", "TG", "BJ", "GN", "CM", "GA", "CG", "CD", "CF", "TD", "MG", "DJ", "KM", "BI", "RW", "SC",
        // Maghreb: French the language of business
        "DZ", "MA", "TN",
    };

    /// <summary>French for a francophone market, English otherwise (unknown country included).</summary>
    public static string ForMarket(CountryCode? country) =>
        country is { } code && code.Value is not null && FrenchMarkets.Contains(code.Value) ? French : English;

    public static bool IsSupported(string? language) => language is English or French;
}

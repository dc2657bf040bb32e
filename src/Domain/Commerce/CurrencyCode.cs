namespace MonaSpark.Domain.Commerce;

/// <summary>An ISO 4217 currency code with its minor-unit exponent.</summary>
public readonly record struct CurrencyCode
{
    private static readonly Dictionary<string, int> Exponents = new(StringComparer.Ordinal)
    {
        ["EUR"] = 2, ["USD"] = 2, ["GBP"] = 2, ["CAD"] = 2, ["AUD"] = 2, ["CHF"] = 2, ["SEK"] = 2,
        ["NOK"] = 2, ["DKK"] = 2, ["BRL"] = 2, ["MXN"] = 2, ["JPY"] = 0, ["KRW"] = 0, ["XOF"] = 0,
    };

    public CurrencyCode(string value)
    {
        if (value is null || !Exponents.ContainsKey(value))
        {
            throw new ArgumentException($"Unsupported currency '{value}'.", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    /// <summary>Digits after the decimal point (2 for EUR, 0 for JPY).</summary>
    public int Exponent => Exponents[Value];

    public static CurrencyCode Eur => new("EUR");

    public static CurrencyCode Usd => new("USD");

    public static bool IsSupported(string? value) => value is not null && Exponents.ContainsKey(value);

    public override string ToString() => Value;
}

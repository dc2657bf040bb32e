namespace MonaSpark.Domain.Artists;

/// <summary>An ISO 3166-1 alpha-2 country code, upper case.</summary>
public readonly record struct CountryCode
{
    public CountryCode(string value)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException("A country code is two ASCII letters (ISO 3166-1 alpha-2).", nameof(value));
        }

        Value = value.ToUpperInvariant();
    }

    public string Value { get; }

    public static bool IsValid(string? value) => value is { Length: 2 } && value.All(char.IsAsciiLetter);

    public override string ToString() => Value;
}

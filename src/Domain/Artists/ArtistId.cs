using System.Security.Cryptography;
using System.Text;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Artists;

/// <summary>Identity of an artist: stable, opaque, free of personal data.</summary>
public readonly record struct ArtistId
{
    public ArtistId(string value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 64 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException("An artist id is 1–64 ASCII letters, digits or dashes.", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    /// <summary>
    /// The prefix of simulated artists (demo outcomes, quality tests). Real ids are <c>art-</c> and hex
    /// digits, so no real id starts with it.
    /// </summary>
    public const string SimulatedPrefix = "art-sim";

    /// <summary>True for a simulated artist: its outcomes never train a model or count as a customer unless asked.</summary>
    public bool IsSimulated => Value?.StartsWith(SimulatedPrefix, StringComparison.Ordinal) == true;

    /// <summary>A simulated artist's id (<see cref="SimulatedPrefix"/>, then a suffix of letters and digits).</summary>
    public static ArtistId Simulated(string suffix) => new($"{SimulatedPrefix}{suffix}");

    /// <summary>The id an artist first discovered on <paramref name="source"/> gets: deterministic, so re-ingestion is idempotent.</summary>
    public static ArtistId ForSource(SourceKind source, string externalId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{source}\n{externalId}"));
        return new ArtistId($"art-{Convert.ToHexStringLower(hash.AsSpan(0, 10))}");
    }

    public static bool TryParse(string? value, out ArtistId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(value) || value.Length > 64 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return false;
        }

        id = new ArtistId(value);
        return true;
    }

    public override string ToString() => Value;
}

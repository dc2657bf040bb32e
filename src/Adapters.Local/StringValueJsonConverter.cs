using System.Text.Json;
using System.Text.Json.Serialization;

namespace MonaSpark.Adapters.Local;

/// <summary>
/// Writes a validating single-value struct (<c>ArtistId</c>, <c>CountryCode</c>, <c>CurrencyCode</c>) as a
/// plain JSON string, and reads it back through its constructor so stored data is validated like input.
/// </summary>
internal sealed class StringValueJsonConverter<T>(Func<string, T> parse, Func<T, string> format) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");
        try
        {
            return parse(text);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException($"'{text}' is not a valid {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(format(value));
}

using System.Text.Json;
using System.Text.Json.Serialization;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Commerce;
using MonaSpark.Domain.Events;

namespace MonaSpark.Adapters.Azure.Storage;

/// <summary>
/// The JSON stored in entity properties. The domain's single-value structs are written as plain
/// strings and read back through their validating constructors.
/// </summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters =
        {
            new StringValueConverter<ArtistId>(v => new ArtistId(v), v => v.Value),
            new StringValueConverter<CountryCode>(v => new CountryCode(v), v => v.Value),
            new StringValueConverter<CurrencyCode>(v => new CurrencyCode(v), v => v.Value),
        },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Stored {typeof(T).Name} is null.");

    /// <summary>Events are written as the base type so the polymorphic <c>type</c> discriminator is kept.</summary>
    public static string SerializeEvent(DomainEvent e) => JsonSerializer.Serialize(e, Options);

    public static DomainEvent DeserializeEvent(string json) => Deserialize<DomainEvent>(json);

    private sealed class StringValueConverter<T>(Func<string, T> create, Func<T, string> format) : JsonConverter<T>
        where T : struct
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? throw new JsonException($"{typeof(T).Name} is null.");
            try
            {
                return create(text);
            }
            catch (ArgumentException ex)
            {
                throw new JsonException($"Invalid {typeof(T).Name} '{text}'.", ex);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(format(value));
    }
}

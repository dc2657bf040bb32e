using System.Text.Json;
using System.Text.Json.Serialization;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Commerce;

namespace MonaSpark.Adapters.Local;

/// <summary>The one JSON shape for everything this adapter stores: entity columns and journal data.</summary>
internal static class LocalJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            // Enum names survive a reordering of the enum and read well in `sqlite3`.
            Converters =
            {
                new JsonStringEnumConverter(),
                new StringValueJsonConverter<ArtistId>(s => new ArtistId(s), v => v.Value),
                new StringValueJsonConverter<CountryCode>(s => new CountryCode(s), v => v.Value),
                new StringValueJsonConverter<CurrencyCode>(s => new CurrencyCode(s), v => v.Value),
            },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored {typeof(T).Name} is null.");
}

using System.Text.Json;

namespace MonaSpark.Adapters.Local;

public sealed partial class SqliteDatabase
{
    /// <summary>The marker that says a directory is MonaSpark's to write in.</summary>
    public const string MarkerFileName = "monaspark.json";

    private const string MarkerFormat = "monaspark-data";
    private const int MarkerVersion = 1;

    // The marker guards a user's folder from being filled with our files by a mistyped --data-dir.
    private void EnsureDataDirectory()
    {
        if (File.Exists(DataDirectory))
        {
            throw new DataDirectoryException($"'{DataDirectory}' is a file, not a MonaSpark data directory");
        }

        var marker = Path.Combine(DataDirectory, MarkerFileName);
        if (File.Exists(marker))
        {
            ValidateMarker(marker);
            return;
        }

        if (Directory.Exists(DataDirectory) && Directory.EnumerateFileSystemEntries(DataDirectory).Any())
        {
            throw new DataDirectoryException($"'{DataDirectory}' is not a MonaSpark data directory (it has files but no {MarkerFileName})");
        }

        Directory.CreateDirectory(DataDirectory);
        WriteMarker(marker);
    }

    private void WriteMarker(string marker)
    {
        try
        {
            // CreateNew: another process initialising the same directory at once must not be overwritten.
            using var stream = new FileStream(marker, FileMode.CreateNew, FileAccess.Write);
            using var writer = new Utf8JsonWriter(stream);
            writer.WriteStartObject();
            writer.WriteString("format", MarkerFormat);
            writer.WriteNumber("version", MarkerVersion);
            writer.WriteEndObject();
        }
        catch (IOException) when (File.Exists(marker))
        {
            ValidateMarker(marker);
        }
    }

    private void ValidateMarker(string marker)
    {
        int? version;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(marker));
            var root = document.RootElement;
            version = root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String && format.GetString() == MarkerFormat
                && root.TryGetProperty("version", out var number) && number.ValueKind == JsonValueKind.Number && number.TryGetInt32(out var parsed)
                    ? parsed
                    : null;
        }
        catch (JsonException)
        {
            version = null;
        }

        if (version is null)
        {
            throw new DataDirectoryException($"'{DataDirectory}' is not a MonaSpark data directory (its {MarkerFileName} is not a MonaSpark marker)");
        }

        if (version > MarkerVersion)
        {
            throw new DataDirectoryException($"'{DataDirectory}' was written by a newer MonaSpark (data format {version}, this version reads up to {MarkerVersion})");
        }
    }
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MonaSpark.Adapters.Messaging.Outbox;

/// <summary>
/// One JSON file per idempotency key, written once: <c>{directory}/{channel}/{safe key}-{hash}.json</c>.
/// Written under a unique temporary name, then moved in without overwriting: a reader never sees half
/// a file, a crash leaves none, and of two concurrent sends with the same key exactly one writes.
/// </summary>
internal static class OutboxFile
{
    private static readonly JsonSerializerOptions Format = new()
    {
        WriteIndented = true,
        // The files are read by people (the demo, a developer): accents and quotes stay as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A file name for <paramref name="idempotencyKey"/>: its safe characters (at most 80), then 12 hex digits of its hash, so two keys never share a file.</summary>
    public static string NameFor(string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var safe = new StringBuilder(Math.Min(idempotencyKey.Length, 80));
        foreach (var c in idempotencyKey.Take(80))
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return $"{safe}-{Fingerprint.Of(idempotencyKey)[..12]}";
    }

    /// <summary>The path the file for <paramref name="idempotencyKey"/> has in <paramref name="channel"/>'s folder.</summary>
    public static string PathFor(string directory, string channel, string idempotencyKey) =>
        Path.Combine(directory, channel, NameFor(idempotencyKey) + ".json");

    /// <summary>Writes <paramref name="content"/> unless the key's file exists; true when this call wrote it.</summary>
    public static async Task<bool> WriteOnceAsync(string directory, string channel, string idempotencyKey, JsonObject content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathFor(directory, channel, idempotencyKey);
        if (File.Exists(path))
        {
            return false;
        }

        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, content.ToJsonString(Format) + "\n", cancellationToken);
            try
            {
                File.Move(temporary, path, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

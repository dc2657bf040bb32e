using Azure.Data.Tables;

namespace MonaSpark.Adapters.Azure.Storage;

/// <summary>
/// Stores a string of any length (up to the 1 MiB entity limit) across numbered properties, because
/// one string property holds at most 64 KiB (32K UTF-16 code units). <c>Payload</c> becomes
/// <c>Payload0..PayloadN</c> plus <c>PayloadParts</c>; a surrogate pair is never split.
/// </summary>
internal static class LargeText
{
    /// <summary>Code units per property, below the 32,768 limit so that escaping on the wire has room.</summary>
    internal const int ChunkLength = 30_000;

    public static void Write(TableEntity entity, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var part = 0;
        for (var start = 0; start < value.Length || part == 0; part++)
        {
            var length = Math.Min(ChunkLength, value.Length - start);
            if (length > 0 && start + length < value.Length && char.IsHighSurrogate(value[start + length - 1]))
            {
                length--;
            }

            entity[name + part] = value.Substring(start, length);
            start += length;
        }

        entity[name + "Parts"] = part;
    }

    public static string Read(TableEntity entity, string name)
    {
        var parts = entity.GetInt32(name + "Parts")
            ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} has no {name}.");
        return parts == 1
            ? entity.GetString(name + "0")
            : string.Concat(Enumerable.Range(0, parts).Select(i => entity.GetString(name + i)));
    }
}

namespace MonaSpark.Domain.Sources;

/// <summary>
/// A raw record exactly as a source gave it. Kept unchanged so that validation, resolution and merges
/// can be replayed and undone.
/// </summary>
/// <param name="Id">Deterministic id: the same payload from the same source yields the same id.</param>
/// <param name="Source">The source kind.</param>
/// <param name="ExternalId">The source's own id for the subject (artist id, channel id, URL).</param>
/// <param name="Payload">The raw payload (JSON or HTML), as received.</param>
/// <param name="FetchedAt">When it was fetched.</param>
/// <param name="Status">Where the record is in processing.</param>
public sealed record SourceRecord(
    string Id,
    SourceKind Source,
    string ExternalId,
    string Payload,
    DateTimeOffset FetchedAt,
    SourceRecordStatus Status = SourceRecordStatus.Pending)
{
    /// <summary>Largest payload accepted, in characters; larger ones are quarantined unread.</summary>
    public const int MaxPayloadLength = 256 * 1024;

    /// <summary>The id for a payload: source, external id and a hash of the content.</summary>
    public static string IdFor(SourceKind source, string externalId, string payload)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        ArgumentNullException.ThrowIfNull(payload);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{source}\n{externalId}\n{payload}"));
        return $"src-{Convert.ToHexStringLower(hash.AsSpan(0, 12))}";
    }
}

/// <summary>Processing status of a raw record.</summary>
public enum SourceRecordStatus
{
    Pending = 0,
    Accepted = 1,
    Quarantined = 2,
}

using System.Security.Cryptography;
using System.Text;
using MonaSpark.Application.Ports;

namespace MonaSpark.Application.Ingestion;

/// <summary>
/// The <see cref="WorkKinds.FetchPage"/> item for one deferred reference of a connector. The subject
/// is <c>connector-key:reference</c>; the id hashes the reference, so it is short, safe as a storage
/// key whatever the URL holds, and the same page listed twice while pending is queued once.
/// </summary>
public static class PageWork
{
    private const char Separator = ':';

    public static WorkItem For(string connectorKey, string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectorKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (connectorKey.Contains(Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A connector key may not contain '{Separator}'.", nameof(connectorKey));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reference)).AsSpan(0, 16));
        return new WorkItem($"fetch:{connectorKey}:{hash}", WorkKinds.FetchPage, $"{connectorKey}{Separator}{reference}");
    }

    /// <summary>Splits a subject made by <see cref="For"/>; false when it is not one.</summary>
    public static bool TryParse(string subject, out string connectorKey, out string reference)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var at = subject.IndexOf(Separator, StringComparison.Ordinal);
        connectorKey = at > 0 ? subject[..at] : string.Empty;
        reference = at > 0 ? subject[(at + 1)..] : string.Empty;
        return at > 0 && reference.Length > 0;
    }
}

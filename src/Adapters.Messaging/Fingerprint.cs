using System.Security.Cryptography;
using System.Text;

namespace MonaSpark.Adapters.Messaging;

/// <summary>A short, stable, opaque id derived from a key (an idempotency key, an event's content): safe in file names, headers and logs.</summary>
internal static class Fingerprint
{
    /// <summary>The first 16 bytes of SHA-256 of <paramref name="value"/> in UTF-8, as 32 lower-case hex digits.</summary>
    public static string Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 16));
    }
}

using System.Security.Cryptography;
using System.Text;

namespace MonaSpark.Adapters.Messaging.Tests;

/// <summary>
/// Twilio's request signature, computed independently of the SDK: base64 of HMAC-SHA1 (or SHA-256)
/// keyed with the auth token, over the URL followed by every POST field's name and value, sorted by
/// name (ordinal). Checked against the SDK's own published test vector.
/// </summary>
internal static class TwilioSignature
{
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> fields, bool sha256 = false)
    {
        var signed = new StringBuilder(url);
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            signed.Append(name).Append(value);
        }

        var key = Encoding.UTF8.GetBytes(authToken);
        var data = Encoding.UTF8.GetBytes(signed.ToString());
#pragma warning disable CA5350 // Twilio's signature scheme is HMAC-SHA1 (HMAC, not a bare SHA-1 hash).
        return Convert.ToBase64String(sha256 ? HMACSHA256.HashData(key, data) : HMACSHA1.HashData(key, data));
#pragma warning restore CA5350
    }

    public static string FormBody(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
}

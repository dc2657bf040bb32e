using System.Buffers.Text;

namespace MonaSpark.Adapters.Messaging.Push;

/// <summary>Base64url (RFC 4648 §5), as push subscriptions and VAPID keys are written: padding optional.</summary>
internal static class UrlBase64
{
    public static bool TryDecode(string? value, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(value.Length)];
        if (!Base64Url.TryDecodeFromChars(value, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }
}

using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;

namespace MonaSpark.Adapters.Messaging.Push;

/// <summary>
/// Web push with VAPID (RFC 8292). Section <c>MonaSpark:WebPush</c>. With both keys set, pushes go to
/// the browsers' push services; without them, to the outbox sink (when one is set). The public key is
/// the one the PWA passes as <c>applicationServerKey</c> when it subscribes. Validation messages name
/// the setting, never its value.
/// </summary>
public sealed class WebPushOptions : IValidatableObject
{
    public const string SectionName = "MonaSpark:WebPush";

    /// <summary>The VAPID public key: the uncompressed P-256 point (65 bytes), base64url.</summary>
    public string? PublicKey { get; set; }

    /// <summary>The VAPID private key: the P-256 scalar (32 bytes), base64url.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>Who the push services may contact about our traffic: a <c>mailto:</c> or <c>https:</c> URI (default <c>mailto:artists@monaspark.example</c>).</summary>
    [Required]
    public string Subject { get; set; } = "mailto:artists@monaspark.example";

    /// <summary>How long a push service keeps a push for an offline browser, in seconds (default 172,800: two days; after that a nudge is stale).</summary>
    [Range(0, 2_419_200)]
    public int TimeToLiveSeconds { get; set; } = 172_800;

    /// <summary>True when both keys are set: the real provider is used.</summary>
    public bool HasKeys => !string.IsNullOrWhiteSpace(PublicKey) && !string.IsNullOrWhiteSpace(PrivateKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Subject.StartsWith("mailto:", StringComparison.Ordinal)
            && !(Uri.TryCreate(Subject, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(Subject)} must be a mailto: or https: URI.", [nameof(Subject)]);
        }

        var publicSet = !string.IsNullOrWhiteSpace(PublicKey);
        var privateSet = !string.IsNullOrWhiteSpace(PrivateKey);
        if (publicSet != privateSet)
        {
            yield return new ValidationResult($"{SectionName}:{nameof(PublicKey)} and {nameof(PrivateKey)} are set together or not at all.", [nameof(PublicKey), nameof(PrivateKey)]);
        }
        else if (publicSet && !IsKeyPair(PublicKey!, PrivateKey!))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(PublicKey)} and {nameof(PrivateKey)} are not a P-256 key pair (65-byte public point and 32-byte private scalar, base64url).", [nameof(PublicKey), nameof(PrivateKey)]);
        }
    }

    /// <summary>True when the private scalar yields exactly the public point.</summary>
    private static bool IsKeyPair(string publicKey, string privateKey)
    {
        if (!UrlBase64.TryDecode(publicKey, out var point) || point.Length != 65 || point[0] != 0x04
            || !UrlBase64.TryDecode(privateKey, out var scalar) || scalar.Length != 32)
        {
            return false;
        }

        try
        {
            using var key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = scalar });
            var derived = key.ExportParameters(includePrivateParameters: false).Q;
            return derived.X!.AsSpan().SequenceEqual(point.AsSpan(1, 32)) && derived.Y!.AsSpan().SequenceEqual(point.AsSpan(33, 32));
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}

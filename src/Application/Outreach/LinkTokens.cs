using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach.Links;

namespace MonaSpark.Application.Outreach;

/// <summary>
/// Link signing keys. Section <c>MonaSpark:Links</c>. In production the key comes from Key Vault; the
/// local host generates one in its data directory on first run. Rotating: move the key to
/// <see cref="PreviousSigningKey"/> and set a new one; links signed with either keep working.
/// </summary>
public sealed class LinkSigningOptions
{
    public const string SectionName = "MonaSpark:Links";

    /// <summary>Base64, at least 32 bytes.</summary>
    [Required]
    public string SigningKey { get; set; } = string.Empty;

    /// <summary>Base64; the key before the last rotation, accepted when reading.</summary>
    public string? PreviousSigningKey { get; set; }

    /// <summary>True when <paramref name="base64"/> decodes to a key long enough to sign with.</summary>
    public static bool IsKey(string? base64)
    {
        var buffer = new byte[1024];
        return !string.IsNullOrEmpty(base64) && Convert.TryFromBase64String(base64, buffer, out var written) && written >= LinkToken.MinimumKeyLength;
    }
}

/// <summary>Mints and reads the tokens of landing and unsubscribe links (<see cref="LinkToken"/>).</summary>
public sealed class LinkTokens(IOptions<LinkSigningOptions> options, TimeProvider time)
{
    /// <summary>The token for the artist, expiring at <paramref name="expiresAt"/>: the same inputs give the same token.</summary>
    public string Mint(ArtistId artistId, DateTimeOffset expiresAt) =>
        LinkToken.Mint(artistId, expiresAt, Convert.FromBase64String(options.Value.SigningKey));

    /// <summary>
    /// A value only the holder of the signing key can compute for <paramref name="value"/> (HMAC-SHA256 under
    /// a key derived for <paramref name="purpose"/>), base64url, 22 characters: the CSP nonce of a cached page,
    /// stable for its content so a 304 keeps the cached body and its header in step.
    /// </summary>
    public string Derive(string purpose, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentNullException.ThrowIfNull(value);
        var key = HMACSHA256.HashData(Convert.FromBase64String(options.Value.SigningKey), Encoding.UTF8.GetBytes("monaspark/" + purpose));
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value));
        return Convert.ToBase64String(mac, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>What <paramref name="token"/> says now.</summary>
    public LinkTokenReading Read(string? token)
    {
        var settings = options.Value;
        var current = Convert.FromBase64String(settings.SigningKey);
        return string.IsNullOrEmpty(settings.PreviousSigningKey)
            ? LinkToken.Read(token, time.GetUtcNow(), current)
            : LinkToken.Read(token, time.GetUtcNow(), current, Convert.FromBase64String(settings.PreviousSigningKey));
    }
}

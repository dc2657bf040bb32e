using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Outreach.Links;

/// <summary>
/// The token of an artist's landing and unsubscribe links (<c>/l/{token}</c>, <c>/u/{token}</c>):
/// the artist's opaque id and an expiry, signed with HMAC-SHA256 (128-bit tag), base64url, at most
/// 64 characters. It carries no personal data, cannot be forged or altered without the key, and is
/// deterministic for an artist and expiry, so a replayed saga step mints the same link. Verification
/// accepts the current key and the previous one (rotation) and compares tags in constant time.
/// </summary>
public static class LinkToken
{
    private const byte HexIdFormat = 1;
    private const byte TextIdFormat = 2;
    private const int TagLength = 16;
    private const int MaxTokenLength = 64;
    private const string HexIdPrefix = "art-";
    private const int HexIdDigits = 20;
    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    /// <summary>The shortest signing key accepted: 32 bytes, the HMAC-SHA256 block's half.</summary>
    public const int MinimumKeyLength = 32;

    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinimumKeyLength"/>, or the id is too long to fit a 64-character token.</exception>
    public static string Mint(ArtistId artistId, DateTimeOffset expiresAt, ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyLength)
        {
            throw new ArgumentException($"A link signing key has at least {MinimumKeyLength} bytes.", nameof(key));
        }

        var body = Body(artistId, expiresAt);
        var token = new byte[body.Length + TagLength];
        body.CopyTo(token, 0);
        HMACSHA256.HashData(key, body).AsSpan(0, TagLength).CopyTo(token.AsSpan(body.Length));
        var text = System.Buffers.Text.Base64Url.EncodeToString(token);
        return text.Length <= MaxTokenLength
            ? text
            : throw new ArgumentException("The artist id is too long for a link token.", nameof(artistId));
    }

    /// <summary>Reads and verifies <paramref name="token"/> at <paramref name="now"/> against the keys (current first).</summary>
    public static LinkTokenReading Read(string? token, DateTimeOffset now, params ReadOnlySpan<byte[]> keys)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || !TryFromBase64Url(token, out var bytes) || bytes.Length <= TagLength + 5)
        {
            return LinkTokenReading.Invalid;
        }

        var body = bytes.AsSpan(0, bytes.Length - TagLength);
        var tag = bytes.AsSpan(bytes.Length - TagLength);
        var signed = false;
        Span<byte> expected = stackalloc byte[32];
        foreach (var key in keys)
        {
            if (key is { Length: >= MinimumKeyLength })
            {
                HMACSHA256.HashData(key, body, expected);
                signed |= CryptographicOperations.FixedTimeEquals(expected[..TagLength], tag);
            }
        }

        if (!signed || !TryParseBody(body, out var artistId, out var expiresAt))
        {
            return LinkTokenReading.Invalid;
        }

        return new LinkTokenReading(now < expiresAt ? LinkTokenStatus.Valid : LinkTokenStatus.Expired, artistId, expiresAt);
    }

    private static byte[] Body(ArtistId artistId, DateTimeOffset expiresAt)
    {
        var id = artistId.Value ?? throw new ArgumentException("An artist id is required.", nameof(artistId));
        var seconds = expiresAt.ToUnixTimeSeconds();
        if (seconds is < 0 or > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAt), "A link expires between 1970 and 2106.");
        }

        byte[] body;
        if (IsHexId(id))
        {
            body = new byte[1 + 4 + (HexIdDigits / 2)];
            body[0] = HexIdFormat;
            Convert.FromHexString(id.AsSpan(HexIdPrefix.Length)).CopyTo(body, 5);
        }
        else
        {
            var text = Encoding.ASCII.GetBytes(id);
            body = new byte[1 + 4 + text.Length];
            body[0] = TextIdFormat;
            text.CopyTo(body, 5);
        }

        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(1, 4), (uint)seconds);
        return body;
    }

    private static bool TryParseBody(ReadOnlySpan<byte> body, out ArtistId artistId, out DateTimeOffset expiresAt)
    {
        artistId = default;
        expiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(body.Slice(1, 4)));
        var id = body[5..];
        var text = body[0] switch
        {
            HexIdFormat when id.Length == HexIdDigits / 2 => HexIdPrefix + Convert.ToHexStringLower(id),
            TextIdFormat => Encoding.ASCII.GetString(id),
            _ => null,
        };
        return ArtistId.TryParse(text, out artistId);
    }

    private static bool IsHexId(string id) =>
        id.Length == HexIdPrefix.Length + HexIdDigits && id.StartsWith(HexIdPrefix, StringComparison.Ordinal)
        && !id.AsSpan(HexIdPrefix.Length).ContainsAnyExcept(LowerHex);

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        bytes = [];
        if (!text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || !System.Buffers.Text.Base64Url.IsValid(text))
        {
            return false;
        }

        bytes = System.Buffers.Text.Base64Url.DecodeFromChars(text);
        return true;
    }
}

/// <summary>What a token says: whether it is valid, expired (signed, but past its time) or invalid, and for whom.</summary>
public sealed record LinkTokenReading(LinkTokenStatus Status, ArtistId ArtistId, DateTimeOffset ExpiresAt)
{
    public static readonly LinkTokenReading Invalid = new(LinkTokenStatus.Invalid, default, default);

    /// <summary>Signed by a key of ours, expired or not: an unsubscribe is honoured long after the landing page has expired.</summary>
    public bool Authentic => Status != LinkTokenStatus.Invalid;
}

public enum LinkTokenStatus
{
    Invalid = 0,
    Valid = 1,
    Expired = 2,
}

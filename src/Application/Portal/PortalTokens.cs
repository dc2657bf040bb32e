using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MonaSpark.Application.Outreach;
using MonaSpark.Domain.Artists;

namespace MonaSpark.Application.Portal;

/// <summary>
/// The portal's signed values, all under the link signing key (<see cref="LinkTokens.Derive"/>), so any
/// instance of either host reads what another wrote: the sign-in link's token
/// (<c>{id}.{artist}.{expiry}.{mac}</c>: a random 128-bit id that is consumed once, the opaque artist
/// id, the expiry in Unix seconds; no personal data), the session cookie (<c>{artist}.{expiry}.{mac}</c>),
/// the CSRF value of a session and the key under which an address is looked up (no address is stored
/// in a key).
/// </summary>
public sealed class PortalTokens(LinkTokens links)
{
    private const string LinkPurpose = "portal-link";
    private const string SessionPurpose = "portal-session";

    /// <summary>A new sign-in token for the artist (the id from <paramref name="random"/>, 16 bytes).</summary>
    public string MintLink(ArtistId artist, DateTimeOffset expiresAt, byte[] random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var id = Base64Url(random);
        var body = string.Create(CultureInfo.InvariantCulture, $"{id}.{artist.Value}.{expiresAt.ToUnixTimeSeconds()}");
        return body + "." + links.Derive(LinkPurpose, body);
    }

    /// <summary>The link's id, artist and expiry when it is ours (whether expired or not); null otherwise.</summary>
    public (string Id, ArtistId Artist, DateTimeOffset ExpiresAt)? ReadLink(string? token)
    {
        if (token is null || token.Length > 200 || token.Split('.') is not [var id, var artist, var expiry, var mac])
        {
            return null;
        }

        return Verified(LinkPurpose, $"{id}.{artist}.{expiry}", mac) && ArtistId.TryParse(artist, out var artistId) && Expiry(expiry) is { } at
            ? (id, artistId, at)
            : null;
    }

    public string MintSession(ArtistId artist, DateTimeOffset expiresAt)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"{artist.Value}.{expiresAt.ToUnixTimeSeconds()}");
        return body + "." + links.Derive(SessionPurpose, body);
    }

    /// <summary>The artist of a session cookie that is ours and not expired at <paramref name="now"/>.</summary>
    public ArtistId? ReadSession(string? cookie, DateTimeOffset now)
    {
        if (cookie is null || cookie.Length > 200 || cookie.Split('.') is not [var artist, var expiry, var mac])
        {
            return null;
        }

        return Verified(SessionPurpose, $"{artist}.{expiry}", mac) && ArtistId.TryParse(artist, out var id) && Expiry(expiry) is { } at && at > now ? id : null;
    }

    /// <summary>The value a session's forms carry in their <c>csrf</c> field.</summary>
    public string Csrf(string session) => links.Derive("portal-csrf", session);

    /// <summary>The value the confirm page of a sign-in link carries in its <c>csrf</c> field.</summary>
    public string EnterCsrf(string token) => links.Derive("portal-enter", token);

    /// <summary>The key an e-mail address is found under (HMAC of the normalised address: no address in any key).</summary>
    public string AddressKey(string normalisedAddress) => AddressKey(links, normalisedAddress);

    /// <inheritdoc cref="AddressKey(string)"/>
    public static string AddressKey(LinkTokens links, string normalisedAddress)
    {
        ArgumentNullException.ThrowIfNull(links);
        return links.Derive("portal-address", normalisedAddress);
    }

    private bool Verified(string purpose, string body, string mac) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(links.Derive(purpose, body)), Encoding.ASCII.GetBytes(mac));

    private static DateTimeOffset? Expiry(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Net;
using System.Net.Sockets;

namespace MonaSpark.Adapters.Messaging.Push;

/// <summary>
/// A push endpoint comes from the browser, so from whoever controls it: posting to it must not let
/// anyone reach our own network (SSRF). <see cref="Refusal"/> checks the URL before anything is sent
/// (https on port 443, no credentials, no IP literal outside the public Internet, no local host name);
/// <see cref="ConnectToPublicAddressAsync"/>, the push client's connect callback, checks the addresses a
/// host name resolves to at connection time, so a name that resolves (or re-resolves) to a private
/// address is never connected to.
/// </summary>
internal static class PushEndpoints
{
    private static readonly string[] LocalSuffixes = [".localhost", ".local", ".localdomain", ".internal", ".home.arpa", ".lan", ".intranet"];

    /// <summary>Why a push must not go to <paramref name="endpoint"/>, or null when it may.</summary>
    public static string? Refusal(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            return "the push endpoint is not https";
        }

        if (!string.IsNullOrEmpty(endpoint.UserInfo))
        {
            return "the push endpoint carries credentials";
        }

        if (endpoint.Port != 443)
        {
            return "the push endpoint is not on port 443";
        }

        if (endpoint.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            return IPAddress.TryParse(endpoint.IdnHost.Trim('[', ']'), out var address) && IsPublic(address)
                ? null
                : "the push endpoint is a private, loopback or reserved address";
        }

        var host = endpoint.IdnHost.TrimEnd('.').ToLowerInvariant();
        return endpoint.HostNameType != UriHostNameType.Dns || !host.Contains('.', StringComparison.Ordinal) || host == "localhost"
            || LocalSuffixes.Any(s => host.EndsWith(s, StringComparison.Ordinal))
            ? "the push endpoint is not a public host name"
            : null;
    }

    /// <summary>True for an address on the public Internet: not loopback, private, link-local (cloud metadata), shared, documentation, multicast or reserved.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<byte> b = stackalloc byte[16];
        if (!address.TryWriteBytes(b, out var length))
        {
            return false;
        }

        if (length == 4)
        {
            return !(b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (b[0] & 0xFE) == 0xFC)
        {
            return false;
        }

        // ::/96 (unspecified, loopback, IPv4-compatible), 2001:db8::/32 (documentation).
        if (b[..12].IndexOfAnyExcept((byte)0) < 0 || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8))
        {
            return false;
        }

        // 64:ff9b::/96 (NAT64) and 2002::/16 (6to4) carry an IPv4 address: it decides.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return IsPublic(new IPAddress(b[12..16]));
        }

        return b[0] == 0x20 && b[1] == 0x02 ? IsPublic(new IPAddress(b[2..6])) : true;
    }

    /// <summary>
    /// A <see cref="SocketsHttpHandler.ConnectCallback"/> that resolves the host and connects only to
    /// its public addresses; a host with none fails the request (the caller retries, then gives up).
    /// </summary>
    public static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, "The push endpoint has no public address: not connecting.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace MonaSpark.Adapters.Scraping.Safety;

/// <summary>
/// Classifies an IP address for the SSRF guard: only globally routable unicast addresses may be
/// contacted. IPv4-mapped, IPv4-compatible, 6to4 and NAT64 IPv6 forms are judged by the IPv4 address
/// they carry, so <c>::ffff:10.0.0.5</c> is as private as <c>10.0.0.5</c>.
/// </summary>
public static class AddressPolicy
{
    /// <summary>Null when the address is public; otherwise the kind of range it is in (<c>loopback</c>, <c>private</c>, <c>link-local</c>…).</summary>
    public static string? Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && EmbeddedIPv4(address) is { } v4)
        {
            return Classify(v4);
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address),
            _ => "unsupported",
        };
    }

    private static string? ClassifyV4(byte[] b) => (b[0], b[1], b[2]) switch
    {
        (0, _, _) => "unspecified",
        (10, _, _) => "private",
        (100, >= 64 and <= 127, _) => "cgnat",
        (127, _, _) => "loopback",
        (169, 254, _) => "link-local",
        (172, >= 16 and <= 31, _) => "private",
        (192, 0, 0) or (192, 0, 2) or (198, 51, 100) or (203, 0, 113) => "reserved",
        (192, 168, _) => "private",
        (198, 18 or 19, _) => "reserved",
        (>= 224 and <= 239, _, _) => "multicast",
        (>= 240, _, _) => "reserved",
        _ => null,
    };

    private static string? ClassifyV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6None))
        {
            return "unspecified";
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return "loopback";
        }

        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0xff => "multicast",
            0xfc or 0xfd => "private",
            0xfe when (b[1] & 0xc0) == 0x80 => "link-local",
            0xfe when (b[1] & 0xc0) == 0xc0 => "private", // deprecated site-local fec0::/10
            0x20 when b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8 => "reserved", // 2001:db8::/32 documentation
            0x20 when b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00 => "reserved", // Teredo 2001::/32 tunnels to anywhere
            0x00 => "reserved", // the rest of ::/8
            _ => null,
        };
    }

    /// <summary>The IPv4 address inside an IPv4-mapped (::ffff:0:0/96), IPv4-compatible (::/96), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address.</summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var b = address.GetAddressBytes();
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return new IPAddress(b.AsSpan(2, 4));
        }

        var nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0;
        var compatible = b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && !address.Equals(IPAddress.IPv6Loopback) && !address.Equals(IPAddress.IPv6None);
        return nat64 || compatible ? new IPAddress(b.AsSpan(12, 4)) : null;
    }
}

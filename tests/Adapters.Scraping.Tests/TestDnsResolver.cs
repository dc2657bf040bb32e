using System.Collections.Concurrent;
using System.Net;
using MonaSpark.Adapters.Scraping.Safety;

namespace MonaSpark.Adapters.Scraping.Tests;

/// <summary>A DNS stand-in: fixed answers for the test names, counting lookups.</summary>
internal sealed class TestDnsResolver : IDnsResolver
{
    public static readonly IReadOnlyDictionary<string, IPAddress[]> Map = new Dictionary<string, IPAddress[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["evil.test"] = [IPAddress.Parse("169.254.169.254")],
        ["intranet.test"] = [IPAddress.Parse("10.0.0.5")],
        ["loop.test"] = [IPAddress.Loopback],
        ["fine.test"] = [IPAddress.Loopback],
        ["other.test"] = [IPAddress.Loopback],
        ["mixed.test"] = [IPAddress.Loopback, IPAddress.Parse("10.0.0.5")],
        ["private172.test"] = [IPAddress.Parse("172.16.3.4")],
        ["private192.test"] = [IPAddress.Parse("192.168.1.10")],
        ["cgnat.test"] = [IPAddress.Parse("100.64.0.1")],
        ["multicast.test"] = [IPAddress.Parse("224.0.0.251")],
        ["zero.test"] = [IPAddress.Any],
        ["v6loop.test"] = [IPAddress.IPv6Loopback],
        ["v6linklocal.test"] = [IPAddress.Parse("fe80::1")],
        ["v6ula.test"] = [IPAddress.Parse("fd00::5")],
        ["v6mapped.test"] = [IPAddress.Parse("::ffff:10.0.0.5")],
        ["nxdomain.test"] = [],
    };

    public ConcurrentQueue<string> Lookups { get; } = new();

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken = default)
    {
        Lookups.Enqueue(host);
        return Task.FromResult(Map.TryGetValue(host, out var addresses) ? addresses : []);
    }
}

using System.Net;

namespace MonaSpark.Adapters.Scraping.Safety;

/// <summary>The operating system's resolver.</summary>
public sealed class SystemDnsResolver : IDnsResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken = default) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}

using System.Net;

namespace MonaSpark.Adapters.Scraping.Safety;

/// <summary>
/// Resolves a host name to addresses for the SSRF guard, which checks every address before a socket
/// opens. Injectable so tests can map names (<c>evil.test</c> → 169.254.169.254) without a DNS server.
/// </summary>
public interface IDnsResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken = default);
}

using System.Net;
using Microsoft.Extensions.Options;

namespace MonaSpark.Adapters.Scraping.Safety;

/// <summary>
/// The SSRF policy in one place. <see cref="CheckUrl"/> runs before every request and every redirect
/// hop (scheme, credentials, allow-listed host); <see cref="CheckAddress"/> runs in
/// <see cref="GuardedConnector"/> on every resolved address before a socket opens.
/// </summary>
public sealed class UrlGuard
{
    private readonly IReadOnlyList<string> _allowed;
    private readonly bool _allowLoopback;
    private readonly HashSet<string> _loopbackHosts;

    public UrlGuard(IOptions<WebScrapingOptions> options)
    {
        var o = options.Value;
        _allowed = o.EffectiveAllowedDomains();
        _allowLoopback = o.AllowLoopbackForTesting;
        _loopbackHosts = o.LoopbackTestHosts.Select(NormalizeHost).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<string> AllowedDomains => _allowed;

    /// <summary>Lower-case ASCII (IDN-encoded) host without a trailing dot or IPv6 brackets.</summary>
    public static string NormalizeHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var h = host.Trim().TrimEnd('.').Trim('[', ']').ToLowerInvariant();
        if (h.Length > 0 && !IPAddress.TryParse(h, out _) && Uri.CheckHostName(h) == UriHostNameType.Dns)
        {
            try
            {
                h = new System.Globalization.IdnMapping().GetAscii(h);
            }
            catch (ArgumentException)
            {
                return string.Empty;
            }
        }

        return h;
    }

    /// <summary>Throws <see cref="PageRefusedException"/> unless <paramref name="url"/> is absolute http(s), without credentials, on an allowed host.</summary>
    public void CheckUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new PageRefusedException(RefusalReason.Scheme, $"Only absolute http(s) URLs are fetched, not '{Describe(url)}'.");
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            throw new PageRefusedException(RefusalReason.Scheme, "URLs carrying credentials are not fetched.");
        }

        CheckHost(url.IdnHost);
    }

    /// <summary>Throws unless <paramref name="host"/> is an allowed domain or a subdomain of one.</summary>
    public void CheckHost(string host)
    {
        if (!IsAllowedHost(host))
        {
            throw new PageRefusedException(RefusalReason.Domain, $"The host '{NormalizeHost(host)}' is not on the allow-list.");
        }
    }

    public bool IsAllowedHost(string host)
    {
        var h = NormalizeHost(host);
        return h.Length > 0 && _allowed.Any(d => h == d || (h.EndsWith(d, StringComparison.Ordinal) && h[^(d.Length + 1)] == '.' && !IPAddress.TryParse(d, out _)));
    }

    /// <summary>Throws unless <paramref name="address"/> may be contacted for <paramref name="host"/>.</summary>
    public void CheckAddress(string host, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var kind = AddressPolicy.Classify(address);
        if (kind is null)
        {
            return;
        }

        if (kind == "loopback" && _allowLoopback && (_loopbackHosts.Count == 0 || _loopbackHosts.Contains(NormalizeHost(host))))
        {
            return;
        }

        throw new PageRefusedException(RefusalReason.Address, $"The host '{NormalizeHost(host)}' resolves to a {kind} address ({address}); refused before connecting.");
    }

    private static string Describe(Uri url) => url.IsAbsoluteUri ? $"{url.Scheme}:" : "a relative URL";
}

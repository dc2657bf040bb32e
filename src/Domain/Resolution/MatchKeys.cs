using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Resolution;

/// <summary>
/// The keys an artist is found by when a record shares no platform id with it: its name key, the
/// addresses of its profiles and sites, and its e-mail addresses. Stores compute them with this at
/// save, so every adapter indexes exactly the same values.
/// </summary>
public static class MatchKeys
{
    /// <summary>
    /// A link without what does not identify the page: scheme, "www.", port, query, fragment and a
    /// trailing slash; the host is lower-cased, the path is not (platform ids in paths are case-sensitive).
    /// </summary>
    public static string Link(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return url.OriginalString.Trim().TrimEnd('/');
        }

        var host = url.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        return host + url.AbsolutePath.TrimEnd('/');
    }

    /// <summary>An e-mail address trimmed and lower-cased (providers treat the local part case-insensitively).</summary>
    public static string Email(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Trim().ToLowerInvariant();
    }

    /// <summary>Every key of <paramref name="artist"/>, each once.</summary>
    public static IReadOnlyList<MatchKey> Of(Artist artist)
    {
        ArgumentNullException.ThrowIfNull(artist);
        var keys = new List<MatchKey>();
        var name = NameKey.Of(artist.Name.Value);
        if (name.Length > 0)
        {
            keys.Add(new MatchKey(MatchKeyKind.Name, name));
        }

        keys.AddRange(artist.Profiles.Select(p => new MatchKey(MatchKeyKind.Link, Link(p.Url))));
        keys.AddRange(artist.Websites.Select(w => new MatchKey(MatchKeyKind.Link, Link(w.Value))));
        keys.AddRange(artist.ContactPoints
            .Where(c => c.Channel == ContactChannel.Email)
            .Select(c => new MatchKey(MatchKeyKind.Email, Email(c.Address))));
        return keys.Where(k => k.Value.Length > 0).Distinct().ToList();
    }
}

namespace MonaSpark.Domain.Outreach.Copy;

/// <summary>
/// The only links a draft may carry, both under the platform's own public origin and sharing one
/// token: the landing page (<c>/l/{token}</c>) and the unsubscribe page (<c>/u/{token}</c>), the
/// public routes of both hosts.
/// </summary>
public sealed record CopyLinks
{
    private CopyLinks(Uri landing, Uri unsubscribe)
    {
        Landing = landing;
        Unsubscribe = unsubscribe;
    }

    public Uri Landing { get; }

    public Uri Unsubscribe { get; }

    /// <summary>The links of <paramref name="token"/> (1–64 ASCII letters, digits, '-' or '_') under <paramref name="publicBase"/>.</summary>
    public static CopyLinks For(Uri publicBase, string token)
    {
        ArgumentNullException.ThrowIfNull(publicBase);
        if (!IsPublicBase(publicBase))
        {
            throw new ArgumentException("The public base URL is an absolute https URL (http only on loopback) without user info, query or fragment.", nameof(publicBase));
        }

        if (string.IsNullOrEmpty(token) || token.Length > 64 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException("A link token is 1–64 ASCII letters, digits, '-' or '_'.", nameof(token));
        }

        var root = publicBase.AbsoluteUri.TrimEnd('/');
        return new CopyLinks(new Uri($"{root}/l/{token}"), new Uri($"{root}/u/{token}"));
    }

    /// <summary>True for an absolute https URL (http on loopback, for the local host) without user info, query or fragment.</summary>
    public static bool IsPublicBase(Uri? uri) =>
        uri is { IsAbsoluteUri: true }
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);

    /// <summary>Both links, as written in copy.</summary>
    public IReadOnlyList<string> All => [Landing.AbsoluteUri, Unsubscribe.AbsoluteUri];
}

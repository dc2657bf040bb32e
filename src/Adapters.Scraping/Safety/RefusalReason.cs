namespace MonaSpark.Adapters.Scraping.Safety;

/// <summary>Why a page was not fetched (logged by the connector; stable names).</summary>
public enum RefusalReason
{
    Policy = 0,
    /// <summary>Not http or https, not absolute, or carrying credentials.</summary>
    Scheme,
    /// <summary>The host is not on the allow-list.</summary>
    Domain,
    /// <summary>The host resolved to no address, or to one that is private, loopback, link-local, CGNAT, multicast, reserved or unspecified.</summary>
    Address,
    /// <summary>robots.txt disallows the path for our user agent.</summary>
    Robots,
    /// <summary>More redirect hops than allowed, or a redirect without a usable Location.</summary>
    Redirect,
    /// <summary>The body is larger than the configured maximum.</summary>
    TooLarge,
    /// <summary>Not an HTML document.</summary>
    NotHtml,
    /// <summary>A permanent HTTP error (4xx other than 408/429).</summary>
    HttpStatus,
}

using System.ComponentModel.DataAnnotations;

namespace MonaSpark.Application.Options;

/// <summary>Outreach copy: who signs, where links point, how often a writer may retry. Section <c>MonaSpark:Copywriting</c>.</summary>
public sealed class CopywritingOptions
{
    public const string SectionName = "MonaSpark:Copywriting";

    /// <summary>The company named in every first contact (default MonaSpark).</summary>
    [Required]
    [StringLength(60, MinimumLength = 1)]
    public string Company { get; set; } = "MonaSpark";

    /// <summary>The person or team signing (default "Artist Relations", a team rather than an invented person).</summary>
    [Required]
    [StringLength(60, MinimumLength = 1)]
    public string SenderName { get; set; } = "Artist Relations";

    /// <summary>
    /// The public origin landing (<c>/l/{token}</c>) and unsubscribe (<c>/u/{token}</c>) links are built
    /// on: https, or http on loopback. The default is a placeholder: set the Front Door endpoint in
    /// production and the local host's address locally.
    /// </summary>
    [Required]
    public Uri PublicBaseUrl { get; set; } = new("https://monaspark.example");

    /// <summary>How many times the primary writer may try again with the violations as feedback before the template fallback (default 2).</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>Characters of the artist's bio a writer may read as untrusted data (default 1,000; 0 shows none).</summary>
    [Range(0, 4_000)]
    public int MaxProfileText { get; set; } = 1_000;
}

using System.ComponentModel.DataAnnotations;

namespace MonaSpark.Adapters.Azure.Search;

/// <summary>
/// Where <see cref="AzureSearchVectorIndex"/> keeps the artist vectors. Section <c>MonaSpark:AzureSearch</c>.
/// Without an <see cref="Endpoint"/>, AI Search is not configured and the index is not registered.
/// Authentication is Entra ID only (the app's user-assigned identity; keys are off on the service).
/// </summary>
public sealed class AzureSearchOptions
{
    public const string SectionName = "MonaSpark:AzureSearch";

    /// <summary>The service, e.g. <c>https://{service}.search.windows.net</c> (app setting <c>MonaSpark__AzureSearch__Endpoint</c>). Default: none.</summary>
    [Required]
    public Uri? Endpoint { get; set; }

    /// <summary>The index (default <c>artists</c>); created or updated at first use.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,126}[a-z0-9]$", ErrorMessage = "IndexName is 2-128 lower-case letters, digits or dashes, starting and ending with a letter or digit.")]
    public string IndexName { get; set; } = "artists";

    /// <summary>
    /// Dimensions of the vector field (default 1,536, text-embedding-3-small). The composition root
    /// sets the registered embedding generator's. A vector field's dimensions cannot change: a new
    /// model needs a new <see cref="IndexName"/>.
    /// </summary>
    [Range(2, 4096)]
    public int Dimensions { get; set; } = 1536;
}

using System.ComponentModel.DataAnnotations;

namespace MonaSpark.Adapters.Azure.OpenAI;

/// <summary>
/// The Azure OpenAI resource and its deployments. Section <c>MonaSpark:AzureOpenAI</c>. Without an
/// <see cref="Endpoint"/> Azure OpenAI is not configured and nothing is registered. Authentication is
/// Entra ID only (the app's user-assigned identity; local auth is off on the resource). ADR-007.
/// </summary>
public sealed class AzureOpenAIOptions : IValidatableObject
{
    public const string SectionName = "MonaSpark:AzureOpenAI";

    /// <summary>Token scope of Azure OpenAI (Cognitive Services).</summary>
    public const string Scope = "https://cognitiveservices.azure.com/.default";

    /// <summary>
    /// The resource, e.g. <c>https://{resource}.openai.azure.com/</c> (app setting
    /// <c>MonaSpark__AzureOpenAI__Endpoint</c>); the v1 API path <c>openai/v1/</c> is added when missing.
    /// </summary>
    [Required]
    public Uri? Endpoint { get; set; }

    /// <summary>The embedding deployment (e.g. <c>text-embedding-3-small</c>); none registers no embedding generator.</summary>
    public string? EmbeddingDeployment { get; set; }

    /// <summary>The chat deployment (e.g. <c>gpt-4o-mini</c>) behind <c>IChatClient</c>; none registers no chat client.</summary>
    public string? ChatDeployment { get; set; }

    /// <summary>Dimensions asked of the embedding model (default 1,536, text-embedding-3-small's full size).</summary>
    [Range(1, 3072)]
    public int EmbeddingDimensions { get; set; } = 1536;

    /// <summary>Texts per embeddings request (default 256; the service takes up to 2,048 inputs per request).</summary>
    [Range(1, 2048)]
    public int EmbeddingBatchSize { get; set; } = 256;

    /// <summary>The v1 API base: <see cref="Endpoint"/> with <c>openai/v1/</c> appended unless it is there.</summary>
    public Uri V1Endpoint
    {
        get
        {
            var endpoint = Endpoint ?? throw new InvalidOperationException($"{SectionName}:Endpoint is not set.");
            var path = endpoint.AbsolutePath.TrimEnd('/');
            return path.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase)
                ? new Uri(endpoint.GetLeftPart(UriPartial.Authority) + path + "/")
                : new Uri(endpoint.GetLeftPart(UriPartial.Authority) + path + "/openai/v1/");
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult($"{SectionName}:Endpoint must be an absolute https URL.", [nameof(Endpoint)]);
        }

        if (string.IsNullOrWhiteSpace(EmbeddingDeployment) && string.IsNullOrWhiteSpace(ChatDeployment))
        {
            yield return new ValidationResult(
                $"Set {SectionName}:EmbeddingDeployment, {SectionName}:ChatDeployment or both.",
                [nameof(EmbeddingDeployment), nameof(ChatDeployment)]);
        }
    }
}

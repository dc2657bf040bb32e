using System.ClientModel.Primitives;
using Azure.Core;
using Microsoft.Extensions.AI;
using OpenAI;

namespace MonaSpark.Adapters.Azure.OpenAI;

/// <summary>
/// The OpenAI SDK client on the Azure OpenAI v1 endpoint with an Entra ID bearer token (ADR-007),
/// and the Microsoft.Extensions.AI views of its deployments.
/// </summary>
internal static class AzureOpenAIClients
{
    /// <param name="transport">The HTTP transport; null for the SDK's own (tests pass a recording one).</param>
    public static OpenAIClient Create(AzureOpenAIOptions options, TokenCredential credential, PipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new OpenAIClientOptions { Endpoint = options.V1Endpoint };
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        // The SDK's Entra ID entry point is marked for evaluation (OPENAI001); it is the one the Azure
        // OpenAI v1 API documents for token auth, and ADR-007 records the choice.
#pragma warning disable OPENAI001
        return new OpenAIClient(new BearerTokenPolicy(credential, AzureOpenAIOptions.Scope), clientOptions);
#pragma warning restore OPENAI001
    }

    /// <summary>The embedding deployment, <see cref="AzureOpenAIOptions.EmbeddingBatchSize"/> texts per request.</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> EmbeddingGenerator(OpenAIClient client, AzureOpenAIOptions options) =>
        new BatchingEmbeddingGenerator(
            client.GetEmbeddingClient(options.EmbeddingDeployment).AsIEmbeddingGenerator(options.EmbeddingDimensions),
            options.EmbeddingBatchSize);

    public static IChatClient ChatClient(OpenAIClient client, AzureOpenAIOptions options) =>
        client.GetChatClient(options.ChatDeployment).AsIChatClient();
}

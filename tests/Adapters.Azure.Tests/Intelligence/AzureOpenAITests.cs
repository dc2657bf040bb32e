using System.ClientModel.Primitives;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MonaSpark.Adapters.Azure.OpenAI;
using Shouldly;

namespace MonaSpark.Adapters.Azure.Tests.Intelligence;

/// <summary>
/// Azure OpenAI through the OpenAI SDK on the v1 endpoint with an Entra ID token (ADR-007): the
/// requests against the documented embeddings and chat completions shapes, through the SDK's transport hook.
/// </summary>
public sealed class AzureOpenAITests
{
    private readonly StaticTokenCredential _credential = new("aoai-token");
    private readonly AzureOpenAIOptions _options = new()
    {
        Endpoint = new Uri("https://aoai-test.openai.azure.com/"),
        EmbeddingDeployment = "text-embedding-3-small",
        ChatDeployment = "gpt-4o-mini",
        EmbeddingDimensions = 3,
        EmbeddingBatchSize = 2,
    };

    private static (HttpStatusCode, string) Embeddings(RecordedRequest request)
    {
        var inputs = request.Json.GetProperty("input").EnumerateArray().Select(i => i.GetString()!).ToList();
        var base64 = request.Json.TryGetProperty("encoding_format", out var format) && format.GetString() == "base64";
        var data = inputs.Select((text, i) =>
        {
            float[] vector = [text.Length, i, 1];
            object embedding = base64 ? Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray()) : vector;
            return new Dictionary<string, object> { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding };
        });
        return (HttpStatusCode.OK, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = "text-embedding-3-small",
            ["usage"] = new Dictionary<string, int> { ["prompt_tokens"] = inputs.Count * 2, ["total_tokens"] = inputs.Count * 2 },
        }));
    }

    private static (HttpStatusCode, string) Chat(RecordedRequest request) => (HttpStatusCode.OK, """
        {
          "id": "chatcmpl-1", "object": "chat.completion", "created": 1767225600, "model": "gpt-4o-mini",
          "choices": [ { "index": 0, "message": { "role": "assistant", "content": "Bonjour Luna !" }, "finish_reason": "stop" } ],
          "usage": { "prompt_tokens": 12, "completion_tokens": 4, "total_tokens": 16 }
        }
        """);

    private (RecordingHandler Http, global::OpenAI.OpenAIClient Client) Create(Func<RecordedRequest, (HttpStatusCode, string)> respond)
    {
        var http = new RecordingHandler(respond);
        return (http, AzureOpenAIClients.Create(_options, _credential, new HttpClientPipelineTransport(new HttpClient(http))));
    }

    [Fact]
    public async Task EmbeddingGenerator_SendsBatchesToTheV1EmbeddingsEndpoint_WithABearerToken()
    {
        var (http, client) = Create(Embeddings);
        using var sut = AzureOpenAIClients.EmbeddingGenerator(client, _options);

        var embeddings = await sut.GenerateAsync(["jazz", "techno music", "folk"]);

        http.Requests.Count.ShouldBe(2);
        http.Requests.ShouldAllBe(r => r.Method == "POST" && r.Uri.AbsoluteUri == "https://aoai-test.openai.azure.com/openai/v1/embeddings");
        http.Requests.ShouldAllBe(r => r.Authorization == "Bearer aoai-token");
        _credential.Scopes.ShouldContain(AzureOpenAIOptions.Scope);
        http.Requests[0].Json.GetProperty("model").GetString().ShouldBe("text-embedding-3-small");
        http.Requests[0].Json.GetProperty("dimensions").GetInt32().ShouldBe(3);
        http.Requests[0].Json.GetProperty("input").EnumerateArray().Select(i => i.GetString()).ShouldBe(["jazz", "techno music"]);
        http.Requests[1].Json.GetProperty("input").EnumerateArray().Select(i => i.GetString()).ShouldBe(["folk"]);
        embeddings.Select(e => e.Vector.ToArray()).ShouldBe([[4f, 0, 1], [12f, 1, 1], [4f, 0, 1]]);
        embeddings.Usage!.InputTokenCount.ShouldBe(6);
        sut.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions.ShouldBe(3);
    }

    [Fact]
    public async Task ChatClient_SendsChatCompletionsToTheChatDeployment()
    {
        var (http, client) = Create(Chat);
        var sut = AzureOpenAIClients.ChatClient(client, _options);

        var response = await sut.GetResponseAsync("Write one line for Luna.");

        var request = http.Requests.ShouldHaveSingleItem();
        request.Uri.AbsoluteUri.ShouldBe("https://aoai-test.openai.azure.com/openai/v1/chat/completions");
        request.Authorization.ShouldBe("Bearer aoai-token");
        request.Json.GetProperty("model").GetString().ShouldBe("gpt-4o-mini");
        var message = request.Json.GetProperty("messages").EnumerateArray().ShouldHaveSingleItem();
        message.GetProperty("role").GetString().ShouldBe("user");
        message.GetProperty("content").ToString().ShouldContain("Write one line for Luna.");
        response.Text.ShouldBe("Bonjour Luna !");
        response.Usage!.TotalTokenCount.ShouldBe(16);
    }

    [Fact]
    public async Task EmbeddingGenerator_ServiceError_Throws()
    {
        var (_, client) = Create(_ => (HttpStatusCode.TooManyRequests, """{ "error": { "code": "429", "message": "Rate limit" } }"""));
        var options = new AzureOpenAIOptions { Endpoint = _options.Endpoint, EmbeddingDeployment = "text-embedding-3-small" };
        using var sut = AzureOpenAIClients.EmbeddingGenerator(client, options);

        await Should.ThrowAsync<System.ClientModel.ClientResultException>(() => sut.GenerateAsync(["a"]));
    }

    [Theory]
    [InlineData("https://r.openai.azure.com", "https://r.openai.azure.com/openai/v1/")]
    [InlineData("https://r.openai.azure.com/", "https://r.openai.azure.com/openai/v1/")]
    [InlineData("https://r.openai.azure.com/openai/v1", "https://r.openai.azure.com/openai/v1/")]
    [InlineData("https://r.openai.azure.com/openai/v1/", "https://r.openai.azure.com/openai/v1/")]
    public void V1Endpoint_AddsTheApiPathOnce(string endpoint, string expected) =>
        new AzureOpenAIOptions { Endpoint = new Uri(endpoint) }.V1Endpoint.AbsoluteUri.ShouldBe(expected);
}

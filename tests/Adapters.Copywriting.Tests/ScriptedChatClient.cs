using Microsoft.Extensions.AI;

namespace MonaSpark.Adapters.Copywriting.Tests;

/// <summary>A chat model that answers from a script (the last answer repeats) and records what it was asked.</summary>
internal sealed class ScriptedChatClient(params Func<IReadOnlyList<ChatMessage>, ChatResponse>[] answers) : IChatClient
{
    public List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Calls { get; } = [];

    public static Func<IReadOnlyList<ChatMessage>, ChatResponse> Says(string text) => _ => new ChatResponse(new ChatMessage(ChatRole.Assistant, text));

    public static Func<IReadOnlyList<ChatMessage>, ChatResponse> Json(string subject, string body) =>
        Says(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["subject"] = subject, ["body"] = body }));

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Calls.Add((list, options));
        return Task.FromResult(answers[Math.Min(Calls.Count, answers.Length) - 1](list));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The copywriter does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

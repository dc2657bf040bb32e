using Microsoft.Extensions.AI;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Adapters.Copywriting.Chat;

/// <summary>
/// Copy from a chat model through <see cref="IChatClient"/> (Azure OpenAI in production): the rules in
/// the system message, the facts and the untrusted profile text as delimited data, a JSON-schema
/// response format, the answer parsed strictly (<see cref="DraftJson"/>) and the privacy notice
/// appended. The model is trusted for style only: the use case checks every draft.
/// </summary>
public sealed class ChatCopywriter(IChatClient chat) : ICopywriter
{
    public const string WriterName = "chat";

    /// <summary>Some variety between retries without drifting from the facts.</summary>
    public const float Temperature = 0.4f;

    /// <summary>Enough for a 2,000-character e-mail in JSON; a longer answer is cut and so malformed.</summary>
    public const int MaxOutputTokens = 1_200;

    public string Name => WriterName;

    /// <exception cref="MalformedDraftException">The answer was not the JSON asked for (or was cut short).</exception>
    public async Task<CopyDraft> DraftAsync(CopyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new ChatOptions
        {
            Temperature = Temperature,
            MaxOutputTokens = MaxOutputTokens,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(DraftJson.Schema, "outreach_draft", "An outreach message: subject and body."),
        };
        var response = await chat.GetResponseAsync(CopyPrompt.Messages(request), options, cancellationToken);
        if (response.FinishReason == ChatFinishReason.Length)
        {
            throw new MalformedDraftException("The answer was cut at the output limit.");
        }

        var (subject, body) = DraftJson.Parse(response.Text);
        return new CopyDraft(subject, PrivacyNotice.AppendTo(body, request.Brief));
    }
}

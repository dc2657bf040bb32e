using System.Text.Json;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Copywriting.Chat;

/// <summary>
/// Reads the model's answer strictly: one JSON object with exactly the string properties
/// <c>subject</c> and <c>body</c>, each once, nothing else (no code fence, no comment, no trailing
/// comma). Anything else is a <see cref="MalformedDraftException"/> that never quotes the answer.
/// </summary>
internal static class DraftJson
{
    public const string Subject = "subject";
    public const string Body = "body";

    /// <summary>The schema sent as the response format.</summary>
    public static readonly JsonElement Schema = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "subject": { "type": "string", "description": "The subject line; empty when the channel has none." },
            "body": { "type": "string", "description": "The message body, plain text, without the privacy notice." }
          },
          "required": ["subject", "body"],
          "additionalProperties": false
        }
        """).RootElement.Clone();

    private static readonly JsonDocumentOptions Strict = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 4 };

    public static (string Subject, string Body) Parse(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            throw new MalformedDraftException("The answer was empty.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(answer, Strict);
        }
        catch (JsonException)
        {
            throw new MalformedDraftException("The answer was not a JSON object.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new MalformedDraftException("The answer was not a JSON object.");
            }

            var properties = root.EnumerateObject().ToList();
            if (properties.Count != 2
                || properties.Select(p => p.Name).Order(StringComparer.Ordinal).SequenceEqual([Body, Subject], StringComparer.Ordinal) is false
                || properties.Any(p => p.Value.ValueKind != JsonValueKind.String))
            {
                throw new MalformedDraftException("The answer must have exactly the string fields \"subject\" and \"body\".");
            }

            return (Normalize(root.GetProperty(Subject).GetString()!), Normalize(root.GetProperty(Body).GetString()!));
        }
    }

    /// <summary>Line endings to LF, outer whitespace trimmed; nothing else is touched: the guardrails judge the rest.</summary>
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

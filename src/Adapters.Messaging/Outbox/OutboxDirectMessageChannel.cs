using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Adapters.Messaging.Outbox;

/// <summary>
/// The direct message sink (no DM provider is wired: a person sends them from the platform's app, or
/// the demo shows them): writes the platform, the handle and the text to <c>{outbox}/dm/</c>, once per
/// idempotency key. The recipient is <c>{platform}:{handle}</c> (<c>instagram:@luna.music</c>), or a bare
/// handle, which is an Instagram one (the only DM platform in the copy rules).
/// </summary>
public sealed class OutboxDirectMessageChannel(IOptions<OutboxOptions> outbox) : IOutreachChannel
{
    public const string Folder = "dm";

    /// <summary>The platform of a bare handle.</summary>
    public const string DefaultPlatform = "instagram";

    public ContactChannel Channel => ContactChannel.DirectMessage;

    public async Task<SendResult> SendAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != ContactChannel.DirectMessage)
        {
            throw new ArgumentException($"Message {message.Id} is for {message.Channel}, not a direct message.", nameof(message));
        }

        if (Parse(message.Recipient) is not var (platform, handle))
        {
            return new SendResult(false, null, "the recipient is not a handle ({platform}:{handle} or @handle)");
        }

        var content = new JsonObject
        {
            ["channel"] = Folder,
            ["messageId"] = message.Id,
            ["idempotencyKey"] = message.IdempotencyKey,
            ["platform"] = platform,
            ["handle"] = handle,
            ["text"] = message.Body,
        };
        await OutboxFile.WriteOnceAsync(OutboxDirectory.Of(outbox.Value), Folder, message.IdempotencyKey, content, cancellationToken);
        return new SendResult(true, OutboxDirectory.ProviderId(Folder, message.IdempotencyKey), null);
    }

    /// <summary>The platform (lower case) and the handle (without '@') of a recipient, or null when it is not one.</summary>
    public static (string Platform, string Handle)? Parse(string recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var colon = recipient.IndexOf(':', StringComparison.Ordinal);
        var platform = colon < 0 ? DefaultPlatform : recipient[..colon].Trim().ToLowerInvariant();
        var handle = (colon < 0 ? recipient : recipient[(colon + 1)..]).Trim().TrimStart('@');
        return platform.Length > 0 && platform.All(char.IsAsciiLetterLower) && handle.Length is > 0 and <= 100 && !handle.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '@' or '/')
            ? (platform, handle)
            : null;
    }
}

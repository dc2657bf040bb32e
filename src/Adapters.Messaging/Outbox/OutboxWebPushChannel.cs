using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Messaging.Push;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Adapters.Messaging.Outbox;

/// <summary>
/// The local web push sink: writes the payload the browser would decrypt, the push service's host (not
/// the endpoint: its path is the subscription's capability), the topic and the TTL to
/// <c>{outbox}/webpush/</c>, once per idempotency key. It refuses what <see cref="WebPushChannel"/>
/// refuses (not a subscription, a private or non-https endpoint).
/// </summary>
public sealed class OutboxWebPushChannel(IOptions<OutboxOptions> outbox, IOptions<WebPushOptions> webPush) : IOutreachChannel
{
    public const string Folder = "webpush";

    public ContactChannel Channel => ContactChannel.WebPush;

    public async Task<SendResult> SendAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (push, refusal) = PushRequest.For(message, webPush.Value.TimeToLiveSeconds);
        if (push is null)
        {
            return new SendResult(false, null, refusal);
        }

        var content = new JsonObject
        {
            ["channel"] = Folder,
            ["messageId"] = message.Id,
            ["idempotencyKey"] = message.IdempotencyKey,
            ["endpointHost"] = push.Endpoint.IdnHost,
            ["topic"] = push.Topic,
            ["ttl"] = push.TimeToLive,
            ["payload"] = JsonNode.Parse(push.Payload),
        };
        await OutboxFile.WriteOnceAsync(OutboxDirectory.Of(outbox.Value), Folder, message.IdempotencyKey, content, cancellationToken);
        return new SendResult(true, OutboxDirectory.ProviderId(Folder, message.IdempotencyKey), null);
    }
}

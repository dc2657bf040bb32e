using System.Net;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Adapters.Messaging.Push;

/// <summary>
/// Web push (RFC 8030) with VAPID (RFC 8292) and the <c>aes128gcm</c> payload encryption of RFC 8291,
/// through Lib.Net.Http.WebPush's <see cref="PushServiceClient"/> over the named
/// <see cref="HttpClient"/> (whose connections only reach public addresses, see
/// <see cref="PushEndpoints"/>). 201 is accepted; 404 or 410 means the browser dropped the
/// subscription: refused "subscription expired", and the caller drops it; 429, 5xx and 401 (our VAPID
/// keys refused) throw so the caller retries. The library's own 429 retry loop is off: retrying is the
/// caller's. Push services give no delivery reports: the provider id is derived from the idempotency key.
/// </summary>
public sealed partial class WebPushChannel(
    IHttpClientFactory httpClients,
    IOptions<WebPushOptions> options,
    ILogger<WebPushChannel> logger) : IOutreachChannel
{
    /// <summary>The named <see cref="HttpClient"/> the channel sends with (the host may add resilience to it).</summary>
    public const string HttpClientName = "MonaSpark.WebPush";

    /// <summary>The refusal when the push service says the subscription is gone (404, 410).</summary>
    public const string SubscriptionExpired = "subscription expired";

    public ContactChannel Channel => ContactChannel.WebPush;

    public async Task<SendResult> SendAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var (push, refusal) = PushRequest.For(message, settings.TimeToLiveSeconds);
        if (push is null)
        {
            LogRefused(logger, message.Id, 0, refusal!);
            return new SendResult(false, null, refusal);
        }

        if (!settings.HasKeys)
        {
            throw new InvalidOperationException($"{WebPushOptions.SectionName}:PublicKey and PrivateKey are not set.");
        }

        using var vapid = new VapidAuthentication(settings.PublicKey, settings.PrivateKey) { Subject = settings.Subject };
        var client = new PushServiceClient(httpClients.CreateClient(HttpClientName)) { AutoRetryAfter = false };
        var content = new PushMessage(push.Payload) { Topic = push.Topic, TimeToLive = push.TimeToLive, Urgency = PushMessageUrgency.Normal };
        try
        {
            await client.RequestPushMessageDeliveryAsync(push.Subscription, content, vapid, VapidAuthenticationScheme.Vapid, cancellationToken);
        }
        catch (PushServiceClientException ex)
        {
            var status = (int)ex.StatusCode;
            if (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                LogRefused(logger, message.Id, status, SubscriptionExpired);
                return new SendResult(false, null, SubscriptionExpired);
            }

            if (ex.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Unauthorized || status >= 500)
            {
                // Not chained: the library's exception holds the subscription (its endpoint is a capability URL).
                throw new HttpRequestException($"The push service answered {status} for message {message.Id}; the send can be retried.", null, ex.StatusCode);
            }

            var reason = $"the push service refused the message (HTTP {status})";
            LogRefused(logger, message.Id, status, reason);
            return new SendResult(false, null, reason);
        }

        var id = "push:" + push.Topic;
        LogAccepted(logger, message.Id, push.Endpoint.IdnHost, id);
        return new SendResult(true, id, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Push service {PushHost} accepted message {MessageId} as {ProviderMessageId}")]
    private static partial void LogAccepted(ILogger logger, string messageId, string pushHost, string providerMessageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web push of message {MessageId} refused (HTTP {Status}, 0 = before sending): {Reason}")]
    private static partial void LogRefused(ILogger logger, string messageId, int status, string reason);
}

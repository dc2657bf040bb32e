using System.Collections.Frozen;
using System.Collections.Specialized;
using System.Globalization;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Adapters.Messaging.Sms;

/// <summary>
/// Reads the fields of a verified Twilio webhook.
/// <list type="bullet">
/// <item>A status callback (<c>MessageSid</c>, <c>MessageStatus</c>, <c>To</c>, maybe <c>ErrorCode</c>):
/// <c>delivered</c> → Delivered; <c>read</c> → Opened; <c>undelivered</c> or <c>failed</c> → Bounced
/// when the error code says the number is dead or has opted out (<see cref="PermanentErrors"/>), else
/// Deferred. Interim statuses (<c>queued</c>, <c>sending</c>, <c>sent</c>, <c>accepted</c>,
/// <c>scheduled</c>, <c>canceled</c>) carry nothing to record: accepted with no event.</item>
/// <item>An inbound message (<c>Body</c> present, <c>From</c> the artist): an opt-out or opt-in keyword
/// (<see cref="SmsKeywords"/>), else a reply. The answer is empty TwiML: Twilio itself sends the STOP
/// confirmation, and a reply is answered by a person.</item>
/// </list>
/// The event id is <c>{MessageSid}:{status}</c> (<c>SmsSid</c> when <c>MessageSid</c> is missing), so
/// each status of a message is recorded once however often Twilio retries the callback. Twilio's
/// callbacks carry no time: the event is dated when it arrives.
/// </summary>
internal static class TwilioEvents
{
    public const string Provider = "twilio";

    /// <summary>The empty TwiML answer to an inbound message.</summary>
    public static readonly WebhookReply EmptyTwiml = new("application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");

    /// <summary>
    /// Error codes that mean the number will not take SMS from us: 21211 invalid number, 21610 opted
    /// out (STOP), 21612 unreachable by SMS, 21614 not a mobile, 30003 unreachable handset, 30004
    /// blocked by the recipient, 30005 unknown number, 30006 landline or unreachable carrier.
    /// </summary>
    public static readonly FrozenSet<int> PermanentErrors = FrozenSet.Create(21211, 21610, 21612, 21614, 30003, 30004, 30005, 30006);

    public static WebhookParse Read(NameValueCollection fields, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var sid = Field(fields, "MessageSid") ?? Field(fields, "SmsSid");
        if (sid is null)
        {
            return WebhookParse.Rejected(WebhookRejection.Malformed, "no MessageSid");
        }

        var status = Field(fields, "MessageStatus") ?? Field(fields, "SmsStatus");
        var body = fields["Body"];
        if (body is not null && status is null or "received" or "receiving")
        {
            return Inbound(fields, sid, body, receivedAt);
        }

        if (status is null)
        {
            return WebhookParse.Rejected(WebhookRejection.Malformed, "neither a status callback nor an inbound message");
        }

        var to = Field(fields, "To");
        if (to is null)
        {
            return WebhookParse.Rejected(WebhookRejection.Malformed, "a status callback without To");
        }

        var errorCode = int.TryParse(Field(fields, "ErrorCode"), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : (int?)null;
        DeliveryEventKind? kind = status switch
        {
            "delivered" => DeliveryEventKind.Delivered,
            "read" => DeliveryEventKind.Opened,
            "undelivered" or "failed" => errorCode is { } known && PermanentErrors.Contains(known) ? DeliveryEventKind.Bounced : DeliveryEventKind.Deferred,
            _ => null,
        };
        if (kind is null)
        {
            return WebhookParse.Ok([]);
        }

        var detail = errorCode is { } error ? $"{status}, error {error.ToString(CultureInfo.InvariantCulture)}" : status;
        return WebhookParse.Ok([new DeliveryEvent(Provider, $"{sid}:{status}", kind.Value, ContactChannel.Sms, sid, to, receivedAt, detail)]);
    }

    private static WebhookParse Inbound(NameValueCollection fields, string sid, string body, DateTimeOffset receivedAt)
    {
        var from = Field(fields, "From");
        if (from is null)
        {
            return WebhookParse.Rejected(WebhookRejection.Malformed, "an inbound message without From");
        }

        var (kind, keyword) = SmsKeywords.Classify(body, Field(fields, "OptOutType"));
        var inbound = new DeliveryEvent(Provider, $"{sid}:received", kind, ContactChannel.Sms, null, from, receivedAt, keyword);
        return WebhookParse.Ok([inbound], EmptyTwiml);
    }

    private static string? Field(NameValueCollection fields, string name) => fields[name] is { Length: > 0 } value ? value : null;
}

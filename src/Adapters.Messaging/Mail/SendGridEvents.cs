using System.Text.Json;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Adapters.Messaging.Mail;

/// <summary>
/// Reads a verified SendGrid Event Webhook batch (a JSON array of events) into <see cref="DeliveryEvent"/>s.
/// <list type="bullet">
/// <item><c>delivered</c> → Delivered; <c>deferred</c> → Deferred; <c>open</c> → Opened; <c>click</c> → Clicked; <c>spamreport</c> → Complained.</item>
/// <item><c>bounce</c> → Bounced, except <c>type: "blocked"</c> (the receiving server refused for now) → Deferred.</item>
/// <item><c>dropped</c> → by its reason: "Bounced Address" → Bounced, "Spam Reporting Address" → Complained,
/// "Unsubscribed Address" → OptedOut, anything else (invalid header, spam content…) → Deferred: nothing to suppress.</item>
/// <item><c>unsubscribe</c>, <c>group_unsubscribe</c> → OptedOut; <c>group_resubscribe</c> → OptedIn.</item>
/// <item><c>processed</c> and event types SendGrid may add later are skipped.</item>
/// </list>
/// The event id is <c>sg_event_id</c> (a hash of the event when absent); the provider message id is
/// <c>sg_message_id</c> up to its first '.', which is the <c>X-Message-Id</c> the send returned.
/// </summary>
internal static class SendGridEvents
{
    public const string Provider = "sendgrid";
    private const int MaxDetail = 200;

    public static WebhookParse Read(string body, DateTimeOffset receivedAt)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return WebhookParse.Rejected(WebhookRejection.Malformed, "the body is not JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return WebhookParse.Rejected(WebhookRejection.Malformed, "the body is not a JSON array of events");
            }

            var events = new List<DeliveryEvent>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    return WebhookParse.Rejected(WebhookRejection.Malformed, "an event is not a JSON object");
                }

                if (Map(item, receivedAt) is { } mapped)
                {
                    events.Add(mapped);
                }
            }

            return WebhookParse.Ok(events);
        }
    }

    private static DeliveryEvent? Map(JsonElement item, DateTimeOffset receivedAt)
    {
        var type = Text(item, "event");
        var email = Text(item, "email");
        if (type is null || string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        (DeliveryEventKind Kind, string? Detail)? mapped = type switch
        {
            "delivered" => (DeliveryEventKind.Delivered, Text(item, "response")),
            "deferred" => (DeliveryEventKind.Deferred, Text(item, "response") ?? Text(item, "reason")),
            "bounce" => (string.Equals(Text(item, "type"), "blocked", StringComparison.OrdinalIgnoreCase) ? DeliveryEventKind.Deferred : DeliveryEventKind.Bounced,
                Text(item, "reason") ?? Text(item, "status")),
            "dropped" => (Dropped(Text(item, "reason")), Text(item, "reason")),
            "spamreport" => (DeliveryEventKind.Complained, null),
            "open" => (DeliveryEventKind.Opened, null),
            "click" => (DeliveryEventKind.Clicked, Text(item, "url")),
            "unsubscribe" => (DeliveryEventKind.OptedOut, "unsubscribe"),
            "group_unsubscribe" => (DeliveryEventKind.OptedOut, Group(item, "group_unsubscribe")),
            "group_resubscribe" => (DeliveryEventKind.OptedIn, Group(item, "group_resubscribe")),
            _ => null,
        };
        if (mapped is not { } found)
        {
            return null;
        }

        var eventId = Text(item, "sg_event_id") is { Length: > 0 } id ? id : "sha:" + Fingerprint.Of(item.GetRawText());
        var providerMessageId = Text(item, "sg_message_id") is { Length: > 0 } sg ? sg.Split('.')[0] : null;
        var occurredAt = item.TryGetProperty("timestamp", out var ts) && ts.ValueKind == JsonValueKind.Number && ts.TryGetInt64(out var seconds)
            && seconds is >= 0 and <= 253_402_300_799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : receivedAt;
        return new DeliveryEvent(Provider, eventId, found.Kind, ContactChannel.Email, providerMessageId, email, occurredAt, Truncate.To(found.Detail, MaxDetail));
    }

    private static DeliveryEventKind Dropped(string? reason) => reason switch
    {
        "Bounced Address" => DeliveryEventKind.Bounced,
        "Spam Reporting Address" => DeliveryEventKind.Complained,
        "Unsubscribed Address" => DeliveryEventKind.OptedOut,
        _ => DeliveryEventKind.Deferred,
    };

    private static string Group(JsonElement item, string type) =>
        item.TryGetProperty("asm_group_id", out var group) && group.ValueKind == JsonValueKind.Number ? $"{type} {group.GetRawText()}" : type;

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using MonaSpark.Domain.Outreach;

namespace MonaSpark.Application.Ports;

/// <summary>
/// One provider's webhook (<c>POST /api/webhooks/{provider}</c>): verifies the request's signature
/// with the provider's own scheme, then reads the events it carries. The hosts hand over the request
/// as received (URL, headers, raw body), so the same code runs behind ASP.NET Core and Functions.
/// </summary>
public interface IDeliveryWebhook
{
    /// <summary>The route segment, lower case (<c>sendgrid</c>, <c>twilio</c>).</summary>
    string Provider { get; }

    /// <summary>
    /// Verified events, or a rejection: <see cref="WebhookParse.Rejected"/> with a reason when the
    /// signature is missing or wrong (the host answers 401) or the body is malformed (400). Never throws
    /// for bad input.
    /// </summary>
    WebhookParse Parse(WebhookRequest request);
}

/// <summary>A webhook request as received: the public URL the provider called (signatures cover it), headers, raw body.</summary>
public sealed record WebhookRequest(Uri Url, IReadOnlyDictionary<string, string> Headers, string ContentType, string Body)
{
    /// <summary>A header by name, compared without case; null when absent.</summary>
    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

public enum WebhookRejection
{
    None = 0,
    /// <summary>Missing or wrong signature, or a timestamp outside the tolerance: 401.</summary>
    Unauthenticated = 1,
    /// <summary>Signed, but not a body this provider sends: 400.</summary>
    Malformed = 2,
}

/// <summary>The verified events, or why the request was rejected.</summary>
/// <param name="Reply">What to answer the provider in the body when accepted (TwiML for an inbound SMS), or null for an empty 200.</param>
public sealed record WebhookParse(WebhookRejection Rejection, string? Reason, IReadOnlyList<DeliveryEvent> Events, WebhookReply? Reply = null)
{
    public bool Accepted => Rejection == WebhookRejection.None;

    public static WebhookParse Ok(IReadOnlyList<DeliveryEvent> events, WebhookReply? reply = null) => new(WebhookRejection.None, null, events, reply);

    public static WebhookParse Rejected(WebhookRejection rejection, string reason) => new(rejection, reason, []);
}

/// <summary>A body to answer with, and its content type.</summary>
public sealed record WebhookReply(string ContentType, string Body);

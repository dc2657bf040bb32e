using System.Globalization;
using EllipticCurve;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using SendGrid.Helpers.EventWebhook;

namespace MonaSpark.Adapters.Messaging.Mail;

/// <summary>
/// SendGrid's signed Event Webhook (<c>POST /api/webhooks/sendgrid</c>). SendGrid signs
/// <c>timestamp + raw body</c> with ECDSA P-256 (SHA-256) and sends the base64 DER signature in
/// <c>X-Twilio-Email-Event-Webhook-Signature</c> and the Unix time in
/// <c>X-Twilio-Email-Event-Webhook-Timestamp</c>; the SDK's <see cref="RequestValidator"/> verifies it
/// against the configured verification key. A timestamp more than <see cref="Tolerance"/> away from
/// now is refused too, so a captured request cannot be replayed later. <see cref="SendGridEvents"/>
/// reads the verified batch.
/// </summary>
public sealed partial class SendGridWebhook : IDeliveryWebhook
{
    /// <summary>How far the signed timestamp may be from now, either way (SendGrid signs as it sends).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private static readonly RequestValidator Validator = new();
    private readonly PublicKey _key;
    private readonly TimeProvider _time;
    private readonly ILogger<SendGridWebhook> _logger;

    public SendGridWebhook(IOptions<SendGridOptions> options, TimeProvider time, ILogger<SendGridWebhook> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = options.Value.WebhookPublicKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException($"{SendGridOptions.SectionName}:WebhookPublicKey is not set.");
        }

        _key = Validator.ConvertPublicKeyToECDSA(key);
        _time = time;
        _logger = logger;
    }

    public string Provider => "sendgrid";

    public WebhookParse Parse(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signature = request.Header(RequestValidator.SIGNATURE_HEADER);
        var timestamp = request.Header(RequestValidator.TIMESTAMP_HEADER);
        if (string.IsNullOrWhiteSpace(signature) || string.IsNullOrWhiteSpace(timestamp))
        {
            return Reject(WebhookRejection.Unauthenticated, "missing signature or timestamp header");
        }

        // Unix seconds, digits only, and no later than year 9999 (DateTimeOffset's range).
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253_402_300_799)
        {
            return Reject(WebhookRejection.Unauthenticated, "the timestamp is not a Unix time");
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((_time.GetUtcNow() - signedAt).Duration() > Tolerance)
        {
            return Reject(WebhookRejection.Unauthenticated, "the timestamp is outside the tolerance");
        }

        if (!Verifies(signature, timestamp, request.Body))
        {
            return Reject(WebhookRejection.Unauthenticated, "the signature does not verify");
        }

        var parsed = SendGridEvents.Read(request.Body, signedAt);
        if (!parsed.Accepted)
        {
            LogRejected(_logger, parsed.Rejection, parsed.Reason!);
        }

        return parsed;
    }

    private bool Verifies(string signature, string timestamp, string body)
    {
        try
        {
            return Validator.VerifySignature(_key, body, signature, timestamp);
        }
#pragma warning disable CA1031 // A signature that is not base64 DER throws from the SDK (FormatException, ArgumentException, IndexOutOfRange…): it does not verify.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private WebhookParse Reject(WebhookRejection rejection, string reason)
    {
        LogRejected(_logger, rejection, reason);
        return WebhookParse.Rejected(rejection, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid webhook rejected ({Rejection}): {Reason}")]
    private static partial void LogRejected(ILogger logger, WebhookRejection rejection, string reason);
}

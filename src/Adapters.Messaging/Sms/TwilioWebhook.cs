using System.Collections.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using Twilio.Security;

namespace MonaSpark.Adapters.Messaging.Sms;

/// <summary>
/// Twilio's webhooks (<c>POST /api/webhooks/twilio</c>): message status callbacks and inbound
/// messages. <c>X-Twilio-Signature</c> is verified with the SDK's <see cref="RequestValidator"/> and the
/// auth token, over the public URL Twilio called and the form fields (a JSON body is covered through
/// the URL's <c>bodySHA256</c>). A signed body that is not a form Twilio sends is malformed.
/// <see cref="TwilioEvents"/> reads the fields.
/// </summary>
public sealed partial class TwilioWebhook : IDeliveryWebhook
{
    public const string SignatureHeader = "X-Twilio-Signature";

    private readonly RequestValidator _validator;
    private readonly TimeProvider _time;
    private readonly ILogger<TwilioWebhook> _logger;

    public TwilioWebhook(IOptions<TwilioOptions> options, TimeProvider time, ILogger<TwilioWebhook> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var token = options.Value.AuthToken;
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new InvalidOperationException($"{TwilioOptions.SectionName}:AuthToken is not set.");
        }

        _validator = new RequestValidator(token);
        _time = time;
        _logger = logger;
    }

    public string Provider => "twilio";

    public WebhookParse Parse(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signature = request.Header(SignatureHeader);
        if (string.IsNullOrWhiteSpace(signature))
        {
            return Reject(WebhookRejection.Unauthenticated, "missing X-Twilio-Signature");
        }

        var isForm = FormBody.IsForm(request.ContentType);
        var fields = isForm ? FormBody.Parse(request.Body) : new NameValueCollection();
        if (!Verifies(request, signature, isForm, fields))
        {
            return Reject(WebhookRejection.Unauthenticated, "the signature does not verify");
        }

        if (!isForm)
        {
            return Reject(WebhookRejection.Malformed, "not a form body");
        }

        var parsed = TwilioEvents.Read(fields, _time.GetUtcNow());
        if (!parsed.Accepted)
        {
            LogRejected(_logger, parsed.Rejection, parsed.Reason!);
        }

        return parsed;
    }

    private bool Verifies(WebhookRequest request, string signature, bool isForm, NameValueCollection fields)
    {
        var url = request.Url.AbsoluteUri;
        var algorithm = RequestValidator.GetSignatureAlgorithm(request.Header(RequestValidator.SignatureSettingsHeader));
        try
        {
            return isForm || !request.Url.Query.Contains("bodySHA256=", StringComparison.Ordinal)
                ? _validator.Validate(url, fields, signature, algorithm)
                : _validator.Validate(url, request.Body, signature, algorithm);
        }
#pragma warning disable CA1031 // Whatever the SDK throws on odd input (a URL it cannot rebuild, a bad escape) means "not verified".
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio webhook rejected ({Rejection}): {Reason}")]
    private static partial void LogRejected(ILogger logger, WebhookRejection rejection, string reason);
}

using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace MonaSpark.Adapters.Messaging.Sms;

/// <summary>
/// SMS through Twilio's Create Message (<c>POST /2010-04-01/Accounts/{sid}/Messages.json</c>) with the
/// SDK's <see cref="MessageResource"/>, over the named <see cref="System.Net.Http.HttpClient"/>. The
/// provider id is the message SID (<c>SM…</c>), which status callbacks carry. A refusal by Twilio (a
/// 4xx: 21211 invalid number, 21610 the recipient texted STOP, 21614 not a mobile…) is a refused send
/// with the error code; 429, 5xx and network failures throw so the caller retries, and so does 401
/// (wrong credentials: a configuration fault, not the message's). Twilio's own error text is not kept:
/// it quotes the number.
/// </summary>
public sealed partial class TwilioSmsChannel(
    IHttpClientFactory httpClients,
    IOptions<TwilioOptions> options,
    ILogger<TwilioSmsChannel> logger) : IOutreachChannel
{
    /// <summary>The named <see cref="System.Net.Http.HttpClient"/> the channel sends with (the host may add resilience to it).</summary>
    public const string HttpClientName = "MonaSpark.Twilio";

    public ContactChannel Channel => ContactChannel.Sms;

    public async Task<SendResult> SendAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var (request, refusal) = SmsRequest.For(message, settings.From, settings.StatusCallbackUrl);
        if (request is null)
        {
            LogRefused(logger, message.Id, 0, refusal!);
            return new SendResult(false, null, refusal);
        }

        if (!settings.HasCredentials)
        {
            throw new InvalidOperationException($"{TwilioOptions.SectionName}:AccountSid and AuthToken are not set.");
        }

        var transport = new SystemNetHttpClient(httpClients.CreateClient(HttpClientName));
        // LogLevel comes from TWILIO_LOG_LEVEL by default, and "debug" prints every request's parameters
        // (the number, the body) to the console: never here.
        var client = new TwilioRestClient(settings.AccountSid, settings.AuthToken, httpClient: transport) { LogLevel = null };
        var create = new CreateMessageOptions(new PhoneNumber(request.To))
        {
            Body = request.Body,
            From = request.From is null ? null : new PhoneNumber(request.From),
            MessagingServiceSid = request.MessagingServiceSid,
            StatusCallback = request.StatusCallback,
        };
        try
        {
            // The SDK takes no cancellation token: stop waiting when asked, the HTTP client's timeout ends the call.
            var created = await MessageResource.CreateAsync(create, client).WaitAsync(cancellationToken);
            LogAccepted(logger, message.Id, created.Sid, request.Segments);
            return new SendResult(true, created.Sid, null);
        }
        catch (TwilioException ex) when (ex is not ApiConnectionException)
        {
            var status = transport.LastResponse?.StatusCode ?? (ex is ApiException api ? (HttpStatusCode)api.Status : 0);
            var code = ex is ApiException { Code: > 0 } withCode ? withCode.Code : (int?)null;
            if ((int)status is >= 200 and < 300)
            {
                // Twilio took it but the answer did not read: report it sent (a retry would send it twice).
                LogUnreadableAnswer(logger, message.Id, (int)status);
                return new SendResult(true, null, null);
            }

            if (status is HttpStatusCode.TooManyRequests or HttpStatusCode.Unauthorized || (int)status is >= 500 or < 400)
            {
                var codeText = code is null ? "none" : code.Value.ToString(CultureInfo.InvariantCulture);
                throw new HttpRequestException($"Twilio answered {(int)status} (code {codeText}) for message {message.Id}; the send can be retried.", null, status);
            }

            var reason = code is { } known ? $"Twilio {known}: {Describe(known)} (HTTP {(int)status})" : $"Twilio refused the message (HTTP {(int)status})";
            LogRefused(logger, message.Id, (int)status, reason);
            return new SendResult(false, null, reason);
        }
    }

    /// <summary>What the common refusal codes mean, from Twilio's error dictionary (kept short, and free of the number Twilio's own text quotes).</summary>
    private static string Describe(int code) => code switch
    {
        21211 => "invalid 'To' number",
        21408 => "sending to this region is not enabled",
        21610 => "the recipient has opted out (STOP)",
        21612 => "the 'To' number cannot be reached by SMS from this sender",
        21614 => "the 'To' number is not a mobile number",
        21606 or 21659 or 21660 => "the 'From' number cannot send this message",
        30007 => "filtered by the carrier",
        _ => "refused",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Twilio accepted message {MessageId} as {ProviderMessageId} ({Segments} segments)")]
    private static partial void LogAccepted(ILogger logger, string messageId, string providerMessageId, int segments);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio accepted message {MessageId} (HTTP {Status}) but its answer did not read: no message SID")]
    private static partial void LogUnreadableAnswer(ILogger logger, string messageId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio send of message {MessageId} refused (HTTP {Status}, 0 = before sending): {Reason}")]
    private static partial void LogRefused(ILogger logger, string messageId, int status, string reason);
}

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Email;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;
using SendGrid;

namespace MonaSpark.Adapters.Messaging.Mail;

/// <summary>
/// E-mail through SendGrid's v3 <c>mail/send</c> (<see cref="SendGridMail"/> builds the body). The
/// provider's id is the <c>X-Message-Id</c> response header, the prefix of every event's
/// <c>sg_message_id</c>. A refusal (400, 413…) is a refused send with SendGrid's error text (addresses
/// scrubbed); a 429, a 5xx or a network failure throws so the caller retries, and so do 401/403: a
/// revoked key or an unverified sender is fixed in the configuration, not by failing every message.
/// SendGrid takes no idempotency key: sending twice is prevented by the caller (the saga step keyed
/// <c>{instanceId}:{step}</c>).
/// </summary>
public sealed partial class SendGridEmailChannel(
    IHttpClientFactory httpClients,
    IOptions<SendGridOptions> options,
    IOptions<EmailOptions> email,
    ILogger<SendGridEmailChannel> logger) : IOutreachChannel
{
    /// <summary>The named <see cref="HttpClient"/> the channel sends with (the host may add resilience to it).</summary>
    public const string HttpClientName = "MonaSpark.SendGrid";

    public ContactChannel Channel => ContactChannel.Email;

    public async Task<SendResult> SendAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != ContactChannel.Email)
        {
            throw new ArgumentException($"Message {message.Id} is for {message.Channel}, not e-mail.", nameof(message));
        }

        var settings = options.Value;
        var (mail, refusal) = SendGridMail.Build(message, settings, email.Value);
        if (mail is null)
        {
            LogRefused(logger, message.Id, 0, refusal!);
            return new SendResult(false, null, refusal);
        }

        var clientOptions = new SendGridClientOptions
        {
            ApiKey = settings.ApiKey ?? throw new InvalidOperationException($"{SendGridOptions.SectionName}:ApiKey is not set."),
        };
        clientOptions.SetDataResidency(settings.Region);
        var client = new SendGridClient(httpClients.CreateClient(HttpClientName), clientOptions);
        var response = await client.SendEmailAsync(mail, cancellationToken);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var id = response.Headers.TryGetValues("X-Message-Id", out var values) ? values.FirstOrDefault() : null;
            LogAccepted(logger, message.Id, id);
            return new SendResult(true, id, null);
        }

        if (IsRetryable(response.StatusCode))
        {
            throw new HttpRequestException($"SendGrid answered {status} for message {message.Id}; the send can be retried.", null, response.StatusCode);
        }

        var reason = $"SendGrid {status}: {await ErrorTextAsync(response.Body, cancellationToken)}";
        LogRefused(logger, message.Id, status, reason);
        return new SendResult(false, null, reason);
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)status >= 500;

    /// <summary>The messages of SendGrid's <c>{"errors":[{"message":…,"field":…}]}</c>, joined; the raw body when it is not that.</summary>
    private static async Task<string> ErrorTextAsync(HttpContent? body, CancellationToken cancellationToken)
    {
        var text = body is null ? string.Empty : await body.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array)
            {
                var messages = errors.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.Object)
                    .Select(e => (Message: Text(e, "message"), Field: Text(e, "field")))
                    .Where(e => e.Message is not null)
                    .Select(e => e.Field is null ? e.Message! : $"{e.Message} ({e.Field})");
                return Redaction.Scrub(string.Join("; ", messages));
            }
        }
        catch (JsonException)
        {
            // Not SendGrid's error shape (a proxy's page): keep what it says, scrubbed.
        }

        return Redaction.Scrub(text.Length == 0 ? "no error text" : text);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "SendGrid accepted message {MessageId} as {ProviderMessageId}")]
    private static partial void LogAccepted(ILogger logger, string messageId, string? providerMessageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid send of message {MessageId} refused (HTTP {Status}, 0 = before sending): {Reason}")]
    private static partial void LogRefused(ILogger logger, string messageId, int status, string reason);
}

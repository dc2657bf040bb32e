using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Messaging.Sms;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Adapters.Messaging.Outbox;

/// <summary>
/// The local SMS sink: writes the form Twilio would receive (<c>To</c>, <c>From</c> or
/// <c>MessagingServiceSid</c>, <c>Body</c>, <c>StatusCallback</c>) and what it costs (segments,
/// encoding) to <c>{outbox}/sms/</c>, once per idempotency key. It refuses what the Twilio channel
/// refuses (a recipient that is not E.164…). The sender is the message's, else
/// <c>MonaSpark:Twilio:From</c>, else <see cref="DefaultSender"/>.
/// </summary>
public sealed class OutboxSmsChannel(IOptions<OutboxOptions> outbox, IOptions<TwilioOptions> twilio) : IOutreachChannel
{
    public const string Folder = "sms";

    /// <summary>The alphanumeric sender id the sink writes when none is configured.</summary>
    public const string DefaultSender = "MonaSpark";

    public ContactChannel Channel => ContactChannel.Sms;

    public async Task<SendResult> SendAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = twilio.Value;
        var (request, refusal) = SmsRequest.For(message, settings.From ?? DefaultSender, settings.StatusCallbackUrl);
        if (request is null)
        {
            return new SendResult(false, null, refusal);
        }

        var form = new JsonObject();
        foreach (var (name, value) in request.FormFields())
        {
            form[name] = value;
        }

        var content = new JsonObject
        {
            ["channel"] = Folder,
            ["messageId"] = message.Id,
            ["idempotencyKey"] = message.IdempotencyKey,
            ["form"] = form,
            ["segments"] = request.Segments,
            ["encoding"] = SmsSegments.IsGsm7(request.Body) ? "GSM-7" : "UCS-2",
        };
        await OutboxFile.WriteOnceAsync(OutboxDirectory.Of(outbox.Value), Folder, message.IdempotencyKey, content, cancellationToken);
        return new SendResult(true, OutboxDirectory.ProviderId(Folder, message.IdempotencyKey), null);
    }
}

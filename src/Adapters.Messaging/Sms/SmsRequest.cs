using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Adapters.Messaging.Sms;

/// <summary>
/// An SMS as Twilio's Create Message call carries it: <c>To</c>, <c>From</c> (or
/// <c>MessagingServiceSid</c>), <c>Body</c> and <c>StatusCallback</c>. The Twilio channel sends it;
/// the outbox sink writes the same fields, so the demo shows exactly what would have gone out.
/// </summary>
internal sealed record SmsRequest(string To, string? From, string? MessagingServiceSid, string Body, Uri? StatusCallback)
{
    /// <summary>The request for <paramref name="message"/>, or why it cannot be sent (not an E.164 recipient, no usable sender, an empty body).</summary>
    /// <param name="configuredFrom">The sender when the message names none (<c>MonaSpark:Twilio:From</c>).</param>
    public static (SmsRequest? Request, string? Refusal) For(Message message, string? configuredFrom, Uri? statusCallback)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != ContactChannel.Sms)
        {
            throw new ArgumentException($"Message {message.Id} is for {message.Channel}, not SMS.", nameof(message));
        }

        if (!SmsAddresses.IsE164(message.Recipient))
        {
            return (null, "the recipient is not an E.164 number");
        }

        var sender = message.Sender ?? configuredFrom;
        if (sender is null)
        {
            return (null, $"no sender: the message names none and {TwilioOptions.SectionName}:From is not set");
        }

        if (!SmsAddresses.IsSender(sender))
        {
            return (null, "the sender is not an E.164 number, a Messaging Service SID or an alphanumeric sender id");
        }

        if (string.IsNullOrWhiteSpace(message.Body))
        {
            return (null, "the body is empty");
        }

        return SmsAddresses.IsMessagingServiceSid(sender)
            ? (new SmsRequest(message.Recipient, null, sender, message.Body, statusCallback), null)
            : (new SmsRequest(message.Recipient, sender, null, message.Body, statusCallback), null);
    }

    /// <summary>The segments the body costs (GSM-7 or UCS-2, see <see cref="SmsSegments"/>).</summary>
    public int Segments => SmsSegments.Count(Body);

    /// <summary>The form fields, in Twilio's names, as they are posted.</summary>
    public IReadOnlyDictionary<string, string> FormFields()
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["To"] = To };
        if (From is not null)
        {
            fields["From"] = From;
        }

        if (MessagingServiceSid is not null)
        {
            fields["MessagingServiceSid"] = MessagingServiceSid;
        }

        fields["Body"] = Body;
        if (StatusCallback is not null)
        {
            fields["StatusCallback"] = StatusCallback.AbsoluteUri;
        }

        return fields;
    }
}

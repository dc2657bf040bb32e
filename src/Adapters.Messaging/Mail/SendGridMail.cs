using System.Net.Mail;
using MonaSpark.Adapters.Email;
using MonaSpark.Domain.Outreach;
using SendGrid.Helpers.Mail;

namespace MonaSpark.Adapters.Messaging.Mail;

/// <summary>
/// A <see cref="Message"/> as a SendGrid v3 <c>mail/send</c> body: plain text, the one-click
/// unsubscribe headers (RFC 8058), <c>custom_args</c> that map events back to the message
/// (<c>monaspark_message_id</c>, and <c>monaspark_mail_id</c>: the Message-ID the SMTP path gives the
/// same idempotency key), and categories. SendGrid's own subscription tracking is switched off so it
/// never adds a second unsubscribe link or header next to ours.
/// </summary>
internal static class SendGridMail
{
    public const string MessageIdArgument = "monaspark_message_id";
    public const string MailIdArgument = "monaspark_mail_id";

    /// <summary>The request body, or why the message cannot be sent (no https unsubscribe link, an address that is not one).</summary>
    public static (SendGridMessage? Mail, string? Refusal) Build(Message message, SendGridOptions settings, EmailOptions sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sender);
        var unsubscribe = message.UnsubscribeUrl;
        if (!message.Transactional && unsubscribe is not { IsAbsoluteUri: true, Scheme: "https" })
        {
            return (null, "no https unsubscribe link: marketing e-mail must carry List-Unsubscribe (RFC 8058)");
        }

        if (!IsPlainAddress(message.Recipient))
        {
            return (null, "the recipient is not an e-mail address");
        }

        var from = message.Sender ?? sender.FromAddress;
        if (!IsPlainAddress(from))
        {
            return (null, "the sender is not an e-mail address");
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (unsubscribe is not null)
        {
            headers["List-Unsubscribe"] = $"<{unsubscribe.AbsoluteUri}>";
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
        }

        if (!string.IsNullOrWhiteSpace(message.Language))
        {
            headers["Content-Language"] = message.Language;
        }

        var mail = new SendGridMessage
        {
            From = new EmailAddress(from, sender.FromName),
            Subject = message.Subject,
            PlainTextContent = message.Body,
            Personalizations = [new Personalization { Tos = [new EmailAddress(message.Recipient)] }],
            Headers = headers,
            Categories = [.. Categories(message, settings)],
            CustomArgs = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [MessageIdArgument] = message.Id,
                [MailIdArgument] = EmailRenderer.MessageIdFor(message.IdempotencyKey, sender.MessageIdDomain ?? from.Split('@')[^1]),
            },
            TrackingSettings = new TrackingSettings { SubscriptionTracking = new SubscriptionTracking { Enable = false } },
        };
        return (mail, null);
    }

    /// <summary>True for a bare address (no display name, no angle brackets) that <see cref="MailAddress"/> accepts.</summary>
    public static bool IsPlainAddress(string? value) =>
        !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && string.IsNullOrEmpty(parsed.DisplayName);

    // Categories are ASCII, at most 255 characters each and 10 per message (SendGrid's limits).
    private static IEnumerable<string> Categories(Message message, SendGridOptions settings) =>
        new[] { settings.Category, $"campaign:{message.CampaignId}", $"variant:{message.VariantId}" }
            .Select(c => new string([.. c.Where(ch => ch is >= ' ' and <= '~')]))
            .Where(c => c.Length > 0)
            .Select(c => c.Length <= 255 ? c : c[..255])
            .Distinct(StringComparer.Ordinal);
}

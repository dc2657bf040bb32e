using System.Security.Cryptography;
using System.Text;
using MimeKit;
using MimeKit.Text;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Adapters.Email;

/// <summary>
/// A <see cref="Message"/> as an RFC 5322 e-mail: plain text in UTF-8, a Message-ID derived from the
/// idempotency key (so the same step renders the same message, and a resend is recognisable), and
/// for marketing mail (every message not <see cref="Message.Transactional"/>) the one-click unsubscribe headers (RFC 8058): <c>List-Unsubscribe</c> with the
/// https page and <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>.
/// </summary>
public static class EmailRenderer
{
    /// <summary>Renders, or says why the message cannot go out as e-mail (a refusal for the caller to record, not a fault to retry).</summary>
    public static bool TryRender(Message message, EmailOptions options, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MimeMessage? mail, out string? refusal)
    {
        try
        {
            mail = Render(message, options);
            refusal = null;
            return true;
        }
        catch (ArgumentException ex)
        {
            mail = null;
            refusal = ex.Message;
            return false;
        }
    }

    public static MimeMessage Render(Message message, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        if (message.Channel != ContactChannel.Email)
        {
            throw new ArgumentException($"Message {message.Id} is for {message.Channel}, not e-mail.", nameof(message));
        }

        // https, as RFC 8058 asks; http only on loopback, where the local host's sinks are the only readers.
        var unsubscribe = message.UnsubscribeUrl;
        if (!message.Transactional && (unsubscribe is null || !CopyLinks.IsPublicBase(new Uri(unsubscribe.GetLeftPart(UriPartial.Authority)))))
        {
            throw new ArgumentException($"Message {message.Id} has no https unsubscribe link: marketing e-mail must carry one.", nameof(message));
        }

        var mail = new MimeMessage
        {
            Subject = message.Subject,
            Date = message.CreatedAt,
            MessageId = MessageIdFor(message.IdempotencyKey, options.MessageIdDomain ?? options.FromAddress.Split('@')[^1]),
            Body = new TextPart(TextFormat.Plain) { Text = message.Body },
        };
        mail.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mail.To.Add(MailboxAddress.Parse(message.Recipient));
        if (unsubscribe is not null)
        {
            mail.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");
            mail.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        mail.Headers.Add("Content-Language", message.Language);
        return mail;
    }

    /// <summary>A Message-ID (without brackets) from the idempotency key: the same step gives the same id.</summary>
    public static string MessageIdFor(string idempotencyKey, string domain)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)).AsSpan(0, 16));
        return $"{hash}@{domain}";
    }
}

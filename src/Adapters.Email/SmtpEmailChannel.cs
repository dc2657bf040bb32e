using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Adapters.Email;

/// <summary>
/// E-mail over SMTP with MailKit (STARTTLS unless configured off for a loopback sink). A refusal by
/// the server (a rejected recipient, a 5xx) is a refused send with the server's reason; a connection
/// failure propagates so the caller retries. Idempotency is the caller's (the saga activity keyed
/// <c>{instanceId}:{step}</c>); the deterministic Message-ID lets a resend be recognised downstream.
/// </summary>
public sealed class SmtpEmailChannel(IOptions<EmailOptions> options) : IOutreachChannel
{
    public ContactChannel Channel => ContactChannel.Email;

    public async Task<SendResult> SendAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        if (!EmailRenderer.TryRender(message, settings, out var mail, out var refusal))
        {
            return new SendResult(false, null, refusal);
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(
            settings.SmtpHost ?? throw new InvalidOperationException($"{EmailOptions.SectionName}:SmtpHost is not set."),
            settings.SmtpPort,
            settings.SmtpStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None,
            cancellationToken);
        try
        {
            if (!string.IsNullOrEmpty(settings.SmtpUser))
            {
                await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(mail, cancellationToken);
            return new SendResult(true, mail.MessageId, null);
        }
        catch (SmtpCommandException ex)
        {
            return new SendResult(false, null, $"SMTP {(int)ex.StatusCode}: {ex.Message}");
        }
        finally
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
    }
}

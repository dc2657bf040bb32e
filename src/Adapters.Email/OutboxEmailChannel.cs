using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Adapters.Email;

/// <summary>
/// The local sink: each e-mail is written, exactly as it would be sent, to <c>{Message-ID}.eml</c>
/// in the outbox folder. Sending the same idempotency key again finds the file and sends nothing.
/// </summary>
public sealed class OutboxEmailChannel(IOptions<EmailOptions> options) : IOutreachChannel
{
    public ContactChannel Channel => ContactChannel.Email;

    public async Task<SendResult> SendAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var directory = settings.OutboxDirectory ?? throw new InvalidOperationException($"{EmailOptions.SectionName}:OutboxDirectory is not set.");
        Directory.CreateDirectory(directory);
        if (!EmailRenderer.TryRender(message, settings, out var mail, out var refusal))
        {
            return new SendResult(false, null, refusal);
        }

        var path = Path.Combine(directory, mail.MessageId + ".eml");
        if (File.Exists(path))
        {
            return new SendResult(true, mail.MessageId, null);
        }

        // Written beside, then moved in: a reader never sees half a message, and a crash leaves no file.
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await mail.WriteToAsync(stream, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
        return new SendResult(true, mail.MessageId, null);
    }
}

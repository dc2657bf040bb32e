using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;
using MonaSpark.TestKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MonaSpark.Adapters.Email.Tests;

public sealed class EmailChannelTests : IDisposable
{
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), "monaspark-outbox-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_outbox))
        {
            Directory.Delete(_outbox, recursive: true);
        }
    }

    private static Message Mail(string key = "journey-1:send-1", string to = "booking@luna.example") =>
        new("msg-1", key, new ArtistId("art-1"), "cmp-1", "var-a", ContactChannel.Email, to, "Gardez cet élan", "Bonjour Luna,\n\nVotre audience a progressé de +38 % en 28 jours.", "fr", MessageStatus.Scheduled, Samples.Epoch)
        {
            UnsubscribeUrl = new Uri("https://monaspark.example/u/tok123"),
        };

    private EmailOptions Options(int port = 25) => new() { OutboxDirectory = _outbox, SmtpHost = "127.0.0.1", SmtpPort = port, SmtpStartTls = false };

    [Fact]
    public void Render_CarriesOneClickUnsubscribe_AndADeterministicMessageId()
    {
        var mail = EmailRenderer.Render(Mail(), Options());

        mail.Headers["List-Unsubscribe"].ShouldBe("<https://monaspark.example/u/tok123>");
        mail.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        mail.MessageId.ShouldBe(EmailRenderer.Render(Mail(), Options()).MessageId);
        mail.MessageId.ShouldNotBe(EmailRenderer.Render(Mail(key: "journey-1:send-2"), Options()).MessageId);
        mail.MessageId.ShouldEndWith("@monaspark.example");
        mail.Subject.ShouldBe("Gardez cet élan");
        mail.TextBody!.ShouldContain("+38 %");
        mail.From.Mailboxes.Single().Address.ShouldBe("artists@monaspark.example");
    }

    [Fact]
    public void Render_NoHttpsUnsubscribeOrNotAnEmail_Refused()
    {
        Should.Throw<ArgumentException>(() => EmailRenderer.Render(Mail() with { UnsubscribeUrl = null }, Options()));
        Should.Throw<ArgumentException>(() => EmailRenderer.Render(Mail() with { UnsubscribeUrl = new Uri("http://monaspark.example/u/x") }, Options()));
        Should.Throw<ArgumentException>(() => EmailRenderer.Render(Mail() with { Channel = ContactChannel.Sms }, Options()));
    }

    [Fact]
    public void Render_Transactional_NoUnsubscribeHeaders()
    {
        var mail = EmailRenderer.Render(Mail() with { UnsubscribeUrl = null, Transactional = true }, Options());

        mail.Headers.Contains("List-Unsubscribe").ShouldBeFalse();
        mail.Headers.Contains("List-Unsubscribe-Post").ShouldBeFalse();
        mail.Headers["Content-Language"].ShouldBe("fr");
    }

    [Fact]
    public async Task Outbox_WritesTheMessageAsSent_OncePerIdempotencyKey()
    {
        var sut = new OutboxEmailChannel(Microsoft.Extensions.Options.Options.Create(Options()));

        var first = await sut.SendAsync(Mail());
        var again = await sut.SendAsync(Mail());

        first.Accepted.ShouldBeTrue();
        again.ProviderMessageId.ShouldBe(first.ProviderMessageId);
        var file = Directory.GetFiles(_outbox).ShouldHaveSingleItem();
        var stored = await MimeMessage.LoadAsync(file);
        stored.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        stored.To.Mailboxes.Single().Address.ShouldBe("booking@luna.example");
    }

    [Fact(Timeout = 30_000)]
    public async Task Smtp_DeliversTheRenderedMessage_AndReportsARejectedRecipient()
    {
        var port = FreePort();
        var store = new CapturingStore();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        services.Add(new RejectingFilter("nobody@luna.example"));
        var server = new SmtpServer.SmtpServer(new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build(), services);
        using var stop = new CancellationTokenSource();
        var running = server.StartAsync(stop.Token);
        try
        {
            var sut = new SmtpEmailChannel(Microsoft.Extensions.Options.Options.Create(Options(port)));

            var sent = await sut.SendAsync(Mail());
            var refused = await sut.SendAsync(Mail(key: "journey-2:send-1", to: "nobody@luna.example"));

            sent.Accepted.ShouldBeTrue();
            var received = store.Messages.ShouldHaveSingleItem();
            received.MessageId.ShouldBe(sent.ProviderMessageId);
            received.Headers["List-Unsubscribe"].ShouldBe("<https://monaspark.example/u/tok123>");
            received.TextBody!.ShouldContain("Votre audience a progressé");
            refused.Accepted.ShouldBeFalse();
            refused.Error.ShouldStartWith("SMTP ");
        }
        finally
        {
            server.Shutdown();
            await stop.CancelAsync();
            await Task.WhenAny(running, Task.Delay(5_000));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class CapturingStore : MessageStore
    {
        public List<MimeMessage> Messages { get; } = [];

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Add(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class RejectingFilter(string rejected) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken token) =>
            Task.FromResult(!string.Equals(to.AsAddress(), rejected, StringComparison.OrdinalIgnoreCase));
    }
}

using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Messaging.Outbox;
using MonaSpark.Adapters.Messaging.Push;
using MonaSpark.Adapters.Messaging.Sms;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Messaging.Tests;

public sealed class OutboxChannelTests : IDisposable
{
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), "monaspark-msg-outbox-" + Guid.NewGuid().ToString("N"));
    private readonly PushKeys _browser = new();

    public void Dispose()
    {
        _browser.Dispose();
        if (Directory.Exists(_outbox))
        {
            Directory.Delete(_outbox, recursive: true);
        }
    }

    private IOptions<OutboxOptions> Outbox => Options.Create(new OutboxOptions { Directory = _outbox });

    private OutboxSmsChannel Sms(string? from = "+33757000000") => new(Outbox, Options.Create(new TwilioOptions
    {
        From = from,
        StatusCallbackUrl = new Uri("https://monaspark.example/api/webhooks/twilio"),
    }));

    private string[] Files(string folder) => Directory.Exists(Path.Combine(_outbox, folder)) ? Directory.GetFiles(Path.Combine(_outbox, folder)) : [];

    [Fact]
    public async Task Sms_WritesTheTwilioFormAndSegments_OncePerIdempotencyKey()
    {
        var first = await Sms().SendAsync(Outreach.Sms());
        var again = await Sms().SendAsync(Outreach.Sms(body: "un autre texte"));

        first.Accepted.ShouldBeTrue();
        first.ProviderMessageId.ShouldStartWith("outbox:sms:");
        again.ShouldBe(first);
        var file = Files("sms").ShouldHaveSingleItem();
        Path.GetFileName(file).ShouldBe(OutboxFile.NameFor("journey-1:send-2") + ".json");
        Path.GetFileName(file).ShouldStartWith("journey-1_send-2-");
        Json.Canonical(await File.ReadAllTextAsync(file)).ShouldBe(Json.Canonical("""
            {
              "channel": "sms",
              "messageId": "journey-1:draft-2",
              "idempotencyKey": "journey-1:send-2",
              "form": {
                "To": "+33612345678",
                "From": "+33757000000",
                "Body": "Luna, +38 % en 28 jours. STOP au 36180",
                "StatusCallback": "https://monaspark.example/api/webhooks/twilio"
              },
              "segments": 1,
              "encoding": "GSM-7"
            }
            """));
    }

    [Fact]
    public async Task Sms_FrenchTextOutsideGsm7_CountsUcs2Segments()
    {
        var body = string.Concat(Enumerable.Repeat("Votre audience a progressé — ", 4));

        await Sms().SendAsync(Outreach.Sms(body: body));

        var written = JsonNode.Parse(await File.ReadAllTextAsync(Files("sms").Single()))!;
        written["encoding"]!.GetValue<string>().ShouldBe("UCS-2");
        written["segments"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Sms_NoSenderConfigured_WritesTheDefaultSenderId()
    {
        await Sms(from: null).SendAsync(Outreach.Sms());

        JsonNode.Parse(await File.ReadAllTextAsync(Files("sms").Single()))!["form"]!["From"]!.GetValue<string>().ShouldBe(OutboxSmsChannel.DefaultSender);
    }

    [Fact]
    public async Task Sms_RecipientNotE164_RefusedLikeTwilio_NothingWritten()
    {
        var result = await Sms().SendAsync(Outreach.Sms(to: "06 12 34 56 78"));

        result.ShouldBe(new SendResult(false, null, "the recipient is not an E.164 number"));
        Files("sms").ShouldBeEmpty();
    }

    [Fact]
    public async Task Sms_ConcurrentSendsOfOneKey_OneFileNoLeftovers()
    {
        var sut = Sms();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => sut.SendAsync(Outreach.Sms()))));

        results.ShouldAllBe(r => r.Accepted);
        results.Select(r => r.ProviderMessageId).Distinct().ShouldHaveSingleItem();
        Directory.GetFiles(Path.Combine(_outbox, "sms"), "*", SearchOption.AllDirectories).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task WebPush_WritesPayloadAndEndpointHost_OncePerIdempotencyKey()
    {
        var sut = new OutboxWebPushChannel(Outbox, Options.Create(new WebPushOptions()));
        var message = Outreach.Push(_browser.Subscription());

        var first = await sut.SendAsync(message);
        var again = await sut.SendAsync(message with { Subject = "Autre titre" });

        first.Accepted.ShouldBeTrue();
        again.ShouldBe(first);
        var text = await File.ReadAllTextAsync(Files("webpush").ShouldHaveSingleItem());
        text.ShouldNotContain("dX9kVx2");
        text.ShouldNotContain(System.Buffers.Text.Base64Url.EncodeToString(_browser.AuthSecret));
        Json.Canonical(text).ShouldBe(Json.Canonical(new JsonObject
        {
            ["channel"] = "webpush",
            ["messageId"] = "journey-1:draft-3",
            ["idempotencyKey"] = "journey-1:send-3",
            ["endpointHost"] = "fcm.googleapis.com",
            ["topic"] = first.ProviderMessageId!["outbox:webpush:".Length..],
            ["ttl"] = 172_800,
            ["payload"] = JsonNode.Parse(PushRequest.PayloadFor(message)),
        }.ToJsonString()));
    }

    [Fact]
    public async Task WebPush_PrivateEndpoint_RefusedLikeTheProvider_NothingWritten()
    {
        var sut = new OutboxWebPushChannel(Outbox, Options.Create(new WebPushOptions()));

        var result = await sut.SendAsync(Outreach.Push(_browser.Subscription("https://192.168.1.20/push")));

        result.ShouldBe(new SendResult(false, null, "the push endpoint is a private, loopback or reserved address"));
        Files("webpush").ShouldBeEmpty();
    }

    [Fact]
    public async Task DirectMessage_WritesPlatformHandleAndText_OncePerIdempotencyKey()
    {
        var sut = new OutboxDirectMessageChannel(Outbox);

        var first = await sut.SendAsync(Outreach.DirectMessage());
        var again = await sut.SendAsync(Outreach.DirectMessage() with { Body = "autre" });

        again.ShouldBe(first);
        Json.Canonical(await File.ReadAllTextAsync(Files("dm").ShouldHaveSingleItem())).ShouldBe(Json.Canonical("""
            {
              "channel": "dm",
              "messageId": "journey-1:draft-4",
              "idempotencyKey": "journey-1:send-4",
              "platform": "instagram",
              "handle": "luna.music",
              "text": "Salut Luna ! Ton audience a pris +38 % en 28 jours."
            }
            """));
    }

    [Theory]
    [InlineData("instagram:@luna.music", "instagram", "luna.music")]
    [InlineData("Instagram: luna.music ", "instagram", "luna.music")]
    [InlineData("@luna.music", "instagram", "luna.music")]
    [InlineData("luna_music", "instagram", "luna_music")]
    [InlineData("tiktok:@luna", "tiktok", "luna")]
    public void DirectMessage_Parse_PlatformAndHandle(string recipient, string platform, string handle) =>
        OutboxDirectMessageChannel.Parse(recipient).ShouldBe((platform, handle));

    [Theory]
    [InlineData("")]
    [InlineData("@")]
    [InlineData("instagram:")]
    [InlineData("insta gram:luna")]
    [InlineData("instagram:luna music")]
    [InlineData("https://instagram.com/luna")]
    [InlineData("booking@luna.example")]
    public async Task DirectMessage_NotAHandle_Refused_NothingWritten(string recipient)
    {
        OutboxDirectMessageChannel.Parse(recipient).ShouldBeNull();

        var result = await new OutboxDirectMessageChannel(Outbox).SendAsync(Outreach.DirectMessage(to: recipient));

        result.Accepted.ShouldBeFalse();
        Files("dm").ShouldBeEmpty();
    }

    [Fact]
    public void NameFor_KeysThatSanitiseAlike_StillGetTheirOwnFile()
    {
        OutboxFile.NameFor("a:b").ShouldNotBe(OutboxFile.NameFor("a/b"));
        OutboxFile.NameFor("../../etc/passwd").ShouldStartWith("______etc_passwd-");
        OutboxFile.NameFor(new string('k', 500)).Length.ShouldBe(80 + 1 + 12);
    }

    [Fact]
    public async Task Sinks_NoDirectory_ThrowNamingTheSetting()
    {
        var sut = new OutboxDirectMessageChannel(Options.Create(new OutboxOptions()));

        var thrown = await Should.ThrowAsync<InvalidOperationException>(() => sut.SendAsync(Outreach.DirectMessage()));

        thrown.Message.ShouldBe("MonaSpark:Outbox:Directory is not set.");
    }
}

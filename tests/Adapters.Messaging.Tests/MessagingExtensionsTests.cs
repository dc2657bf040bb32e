using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Messaging.Mail;
using MonaSpark.Adapters.Messaging.Outbox;
using MonaSpark.Adapters.Messaging.Push;
using MonaSpark.Adapters.Messaging.Sms;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Messaging.Tests;

public sealed class MessagingExtensionsTests : IDisposable
{
    private const string TwilioToken = "twilio-secret-token-value";
    private const string SendGridKey = "SG.sendgrid-secret-key-value";
    private readonly ECDsa _vapid = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _sendGridSigning = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _vapid.Dispose();
        _sendGridSigning.Dispose();
    }

    private (string Public, string Private) VapidKeys =>
        (Base64Url.EncodeToString(PushKeys.Point(_vapid.ExportParameters(false).Q)), Base64Url.EncodeToString(_vapid.ExportParameters(true).D));

    private (string Key, string Value)[] AllProviders() =>
    [
        ("SendGrid:ApiKey", SendGridKey),
        ("SendGrid:WebhookPublicKey", Convert.ToBase64String(_sendGridSigning.ExportSubjectPublicKeyInfo())),
        ("Twilio:AccountSid", "AC0123456789abcdef0123456789abcdef"),
        ("Twilio:AuthToken", TwilioToken),
        ("Twilio:From", "+33757000000"),
        ("Twilio:StatusCallbackUrl", "https://monaspark.example/api/webhooks/twilio"),
        ("WebPush:PublicKey", VapidKeys.Public),
        ("WebPush:PrivateKey", VapidKeys.Private),
        ("Outbox:Directory", "/tmp/monaspark-outbox"),
    ];

    private static IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.ToDictionary(s => $"MonaSpark:{s.Key}", s => (string?)s.Value));
        builder.AddMessaging();
        return builder.Build();
    }

    private static (Type[] Channels, Type[] Webhooks) Registered(params (string Key, string Value)[] settings)
    {
        using var host = Build(settings);
        return (
            [.. host.Services.GetServices<IOutreachChannel>().Select(c => c.GetType())],
            [.. host.Services.GetServices<IDeliveryWebhook>().Select(w => w.GetType())]);
    }

    [Fact]
    public void AddMessaging_NothingConfigured_RegistersNothing()
    {
        var (channels, webhooks) = Registered();

        channels.ShouldBeEmpty();
        webhooks.ShouldBeEmpty();
    }

    [Fact]
    public void AddMessaging_OutboxOnly_TheSinks()
    {
        var (channels, webhooks) = Registered(("Outbox:Directory", "/tmp/monaspark-outbox"));

        channels.ShouldBe([typeof(OutboxSmsChannel), typeof(OutboxWebPushChannel), typeof(OutboxDirectMessageChannel)], ignoreOrder: true);
        webhooks.ShouldBeEmpty();
    }

    [Fact]
    public void AddMessaging_EveryProviderConfigured_TheProvidersAndTheirWebhooks_DmStaysASink()
    {
        var (channels, webhooks) = Registered(AllProviders());

        channels.ShouldBe([typeof(SendGridEmailChannel), typeof(TwilioSmsChannel), typeof(WebPushChannel), typeof(OutboxDirectMessageChannel)], ignoreOrder: true);
        webhooks.ShouldBe([typeof(SendGridWebhook), typeof(TwilioWebhook)], ignoreOrder: true);
    }

    [Fact]
    public void AddMessaging_CalledTwice_RegistersEachOnce()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(AllProviders().ToDictionary(s => $"MonaSpark:{s.Key}", s => (string?)s.Value));
        builder.AddMessaging();
        builder.AddMessaging();
        using var host = builder.Build();

        host.Services.GetServices<IOutreachChannel>().Count().ShouldBe(4);
        host.Services.GetServices<IDeliveryWebhook>().Count().ShouldBe(2);
    }

    [Fact]
    public void AddMessaging_EachProviderAlone_OnlyItsChannel()
    {
        Registered(("SendGrid:ApiKey", SendGridKey)).Channels.ShouldBe([typeof(SendGridEmailChannel)]);
        Registered(("Twilio:AccountSid", "AC0123456789abcdef0123456789abcdef"), ("Twilio:AuthToken", TwilioToken), ("Twilio:From", "MonaSpark"))
            .ShouldSatisfyAllConditions(
                r => r.Channels.ShouldBe([typeof(TwilioSmsChannel)]),
                r => r.Webhooks.ShouldBe([typeof(TwilioWebhook)]));
        Registered(("WebPush:PublicKey", VapidKeys.Public), ("WebPush:PrivateKey", VapidKeys.Private)).Channels.ShouldBe([typeof(WebPushChannel)]);
    }

    [Fact]
    public async Task AddMessaging_WebPushClient_NeverConnectsToAPrivateAddress()
    {
        using var host = Build(("WebPush:PublicKey", VapidKeys.Public), ("WebPush:PrivateKey", VapidKeys.Private));
        using var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(WebPushChannel.HttpClientName);

        var thrown = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync(new Uri("http://127.0.0.1:9/")));

        thrown.HttpRequestError.ShouldBe(HttpRequestError.ConnectionError);
        (thrown.InnerException?.Message ?? thrown.Message).ShouldContain("no public address");
    }

    [Theory]
    [InlineData("Twilio:AccountSid", "ACnot-a-sid", "MonaSpark:Twilio:AccountSid")]
    [InlineData("Twilio:StatusCallbackUrl", "http://monaspark.example/api/webhooks/twilio", "MonaSpark:Twilio:StatusCallbackUrl")]
    [InlineData("Twilio:From", "06 12 34 56 78", "MonaSpark:Twilio:From")]
    [InlineData("SendGrid:WebhookPublicKey", "bm90IGEga2V5", "MonaSpark:SendGrid:WebhookPublicKey")]
    [InlineData("SendGrid:Region", "us", "Region")]
    [InlineData("WebPush:Subject", "artists@monaspark.example", "MonaSpark:WebPush:Subject")]
    public async Task AddMessaging_InvalidSetting_FailsAtStart_NamingItWithoutAnySecret(string key, string value, string named)
    {
        var settings = AllProviders().Where(s => s.Key != key).Append((key, value)).ToArray();
        using var host = Build(settings);

        var thrown = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        thrown.Message.ShouldContain(named);
        thrown.Message.ShouldNotContain(TwilioToken);
        thrown.Message.ShouldNotContain(SendGridKey);
        thrown.Message.ShouldNotContain(VapidKeys.Private);
        thrown.Message.ShouldNotContain(value);
    }

    [Fact]
    public async Task AddMessaging_VapidKeysOfTwoPairs_FailsAtStart()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var host = Build(("WebPush:PublicKey", VapidKeys.Public), ("WebPush:PrivateKey", Base64Url.EncodeToString(other.ExportParameters(true).D)));

        var thrown = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        thrown.Message.ShouldContain("are not a P-256 key pair");
    }

    [Fact]
    public async Task AddMessaging_TwilioTokenWithoutAccount_FailsAtStart()
    {
        using var host = Build(("Twilio:AuthToken", TwilioToken), ("Twilio:From", "+33757000000"));

        var thrown = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        thrown.Message.ShouldContain("MonaSpark:Twilio:AccountSid is required");
        thrown.Message.ShouldNotContain(TwilioToken);
    }

    [Fact]
    public async Task AddMessaging_NothingConfigured_Starts()
    {
        using var host = Build();

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task AddMessaging_ValidConfiguration_Starts()
    {
        using var host = Build(AllProviders());

        await host.StartAsync();
        await host.StopAsync();
    }
}

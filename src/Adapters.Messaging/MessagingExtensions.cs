using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MonaSpark.Adapters.Email;
using MonaSpark.Adapters.Messaging.Mail;
using MonaSpark.Adapters.Messaging.Outbox;
using MonaSpark.Adapters.Messaging.Push;
using MonaSpark.Adapters.Messaging.Sms;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Messaging;

/// <summary>Registers the outreach providers, their webhooks and the local sinks, each when configured.</summary>
public static class MessagingExtensions
{
    /// <summary>
    /// Per channel, the real provider when its credentials are set, else the outbox sink when
    /// <c>MonaSpark:Outbox:Directory</c> is set, else nothing; and the webhook of each provider whose
    /// verification secret is set. E-mail: SendGrid when <c>ApiKey</c> is set (the sender is the one of
    /// <c>MonaSpark:Email</c>), else it stays with <c>AddEmail</c> (SMTP or its outbox): register one
    /// e-mail channel, so configure either SendGrid or SMTP. Direct messages only have the sink.
    /// <code>
    /// { "MonaSpark": {
    ///     "SendGrid": { "ApiKey": "SG.…", "WebhookPublicKey": "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…" },
    ///     "Twilio":   { "AccountSid": "AC…", "AuthToken": "…", "From": "+33757000000",
    ///                   "StatusCallbackUrl": "https://monaspark.example/api/webhooks/twilio" },
    ///     "WebPush":  { "PublicKey": "BP…", "PrivateKey": "…", "Subject": "mailto:artists@monaspark.example" },
    ///     "Outbox":   { "Directory": "data/outbox" } } }
    /// </code>
    /// Each provider sends through a named <see cref="HttpClient"/> (<c>MonaSpark.SendGrid</c>,
    /// <c>MonaSpark.Twilio</c>, <c>MonaSpark.WebPush</c>; timeout 30 s, a send is one small request)
    /// the host may give a resilience pipeline; a retry of a send must stay the caller's (none of these
    /// APIs takes an idempotency key, so a retried POST may send twice).
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SendGridOptions>().Bind(configuration.GetSection(SendGridOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebPushOptions>().Bind(configuration.GetSection(WebPushOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName));

        var sendGrid = configuration.GetSection(SendGridOptions.SectionName);
        var twilio = configuration.GetSection(TwilioOptions.SectionName);
        var webPush = configuration.GetSection(WebPushOptions.SectionName);
        var outbox = !string.IsNullOrWhiteSpace(configuration[$"{OutboxOptions.SectionName}:{nameof(OutboxOptions.Directory)}"]);

        if (Set(sendGrid[nameof(SendGridOptions.ApiKey)]))
        {
            services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
            services.AddHttpClient(SendGridEmailChannel.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
            Channel<SendGridEmailChannel>(services);
        }

        if (Set(sendGrid[nameof(SendGridOptions.WebhookPublicKey)]))
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryWebhook, SendGridWebhook>());
        }

        if (Set(twilio[nameof(TwilioOptions.AccountSid)]) && Set(twilio[nameof(TwilioOptions.AuthToken)]))
        {
            services.AddHttpClient(TwilioSmsChannel.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
            Channel<TwilioSmsChannel>(services);
        }
        else if (outbox)
        {
            Channel<OutboxSmsChannel>(services);
        }

        if (Set(twilio[nameof(TwilioOptions.AuthToken)]))
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryWebhook, TwilioWebhook>());
        }

        if (Set(webPush[nameof(WebPushOptions.PublicKey)]) && Set(webPush[nameof(WebPushOptions.PrivateKey)]))
        {
            // Endpoints come from browsers: connections only go to public addresses (SSRF), whatever a name resolves to.
            services.AddHttpClient(WebPushChannel.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30))
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                {
                    ConnectCallback = PushEndpoints.ConnectToPublicAddressAsync,
                    AllowAutoRedirect = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                });
            Channel<WebPushChannel>(services);
        }
        else if (outbox)
        {
            Channel<OutboxWebPushChannel>(services);
        }

        if (outbox)
        {
            Channel<OutboxDirectMessageChannel>(services);
        }

        return builder;
    }

    private static bool Set(string? value) => !string.IsNullOrWhiteSpace(value);

    private static void Channel<TChannel>(IServiceCollection services)
        where TChannel : class, IOutreachChannel =>
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutreachChannel, TChannel>());
}

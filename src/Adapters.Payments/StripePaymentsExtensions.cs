using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Payments;

/// <summary>Registers the Stripe payment gateway, when configured.</summary>
public static class StripePaymentsExtensions
{
    /// <summary>
    /// Stripe Checkout as the <see cref="IPaymentGateway"/> when <c>MonaSpark:Stripe:SecretKey</c> is set,
    /// replacing any gateway registered before or after it with <c>TryAdd</c> (the local one); otherwise,
    /// when no gateway is registered, <see cref="PaymentsNotConfigured"/>. Options are validated at start either way.
    /// <code>
    /// { "MonaSpark": { "Stripe": { "SecretKey": "sk_live_…", "WebhookSecret": "whsec_…" } } }
    /// </code>
    /// Optional: <c>ApiBase</c> (a local stand-in of the API) and <c>SessionLifetime</c> (default 23:55:00).
    /// Calls go through the named <see cref="HttpClient"/> <c>MonaSpark.Stripe</c>.
    /// </summary>
    public static IHostApplicationBuilder AddStripePayments(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(StripeOptions.SectionName);
        var services = builder.Services;
        services.AddOptions<StripeOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        if (string.IsNullOrWhiteSpace(section[nameof(StripeOptions.SecretKey)]))
        {
            // Unless a gateway is registered already (the local one), checkouts fail with the missing setting.
            services.TryAddSingleton<IPaymentGateway, PaymentsNotConfigured>();
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        // Stripe's SDK waits up to 80 s by default; a checkout step is better retried than held that long.
        services.AddHttpClient(StripePaymentGateway.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<StripePaymentGateway>();
        services.RemoveAll<IPaymentGateway>();
        services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<StripePaymentGateway>());
        return builder;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MonaSpark.Adapters.Azure;
using MonaSpark.Adapters.Copywriting;
using MonaSpark.Adapters.Email;
using MonaSpark.Adapters.Local;
using MonaSpark.Adapters.MachineLearning;
using MonaSpark.Adapters.Messaging;
using MonaSpark.Adapters.Payments;
using MonaSpark.Adapters.Scraping;
using MonaSpark.Adapters.Sources;
using MonaSpark.Application;

namespace MonaSpark.Composition;

/// <summary>The composition root: both hosts call <see cref="AddMonaSpark"/> and differ only in the adapter set.</summary>
public static class MonaSparkHostBuilderExtensions
{
    public static TBuilder AddMonaSpark<TBuilder>(this TBuilder builder, AdapterSet adapters)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMetrics();
        builder.Services.AddMonaSparkApplication();
        _ = adapters switch
        {
            AdapterSet.Local => builder.AddLocalAdapters(),
            AdapterSet.Azure => builder.AddAzureAdapters(),
            _ => throw new ArgumentOutOfRangeException(nameof(adapters), adapters, "Unknown adapter set."),
        };
        builder.AddEmbeddingsAndVectorIndex(adapters);
        // Shared adapters: the same connectors on both hosts, registered when configured.
        builder.AddSourceConnectors();
        builder.AddWebScraping();
        builder.AddCopywriting();
        builder.Services.AddLeadModels();
        // One e-mail channel: SendGrid when its key is set, else SMTP or the e-mail outbox (AddEmail);
        // SMS, web push and DM: their providers when configured, else the outbox sinks.
        builder.AddMessaging();
        if (string.IsNullOrWhiteSpace(builder.Configuration["MonaSpark:SendGrid:ApiKey"]))
        {
            builder.AddEmail();
        }

        // Stripe when its key is set (it replaces the local gateway of the local adapter set).
        builder.AddStripePayments();
        builder.AddMonaSparkTelemetry();
        return builder;
    }
}

using Azure.Core;
using Azure.Data.Tables;
using Azure.Messaging.EventHubs.Producer;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Azure;

/// <summary>
/// Registers the Azure adapters for the stores, the journal and the work queue. Configuration, in
/// Azure as app settings (set by infra/main.bicep):
/// <code>
/// MonaSpark__Azure__TableServiceUri          = https://{account}.table.core.windows.net/
/// MonaSpark__Azure__QueueServiceUri          = https://{account}.queue.core.windows.net/
/// MonaSpark__Azure__ManagedIdentityClientId  = {client id of the user-assigned identity}
/// MonaSpark__Azure__WorkQueueName            = work-items   (optional, the default)
/// MonaSpark__Azure__TablePrefix              = (optional, default empty)
/// </code>
/// or, against Azurite: <c>MonaSpark__Azure__ConnectionString = UseDevelopmentStorage=true</c>.
/// The Event Hubs journal publisher is registered only when its namespace (or a connection string) is set:
/// <code>
/// MonaSpark__EventHubs__FullyQualifiedNamespace = {namespace}.servicebus.windows.net
/// MonaSpark__EventHubs__EventHubName            = journal   (optional, the default)
/// </code>
/// </summary>
public static class AzureAdaptersExtensions
{
    public static IHostApplicationBuilder AddAzureAdapters(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAzureStorage();
        var eventHubs = builder.Configuration.GetSection(EventHubsOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(eventHubs[nameof(EventHubsOptions.FullyQualifiedNamespace)])
            || !string.IsNullOrWhiteSpace(eventHubs[nameof(EventHubsOptions.ConnectionString)]))
        {
            builder.Services.AddAzureEventHubs();
        }

        return builder;
    }

    /// <summary>The options, one <see cref="TableServiceClient"/> and one <see cref="QueueServiceClient"/>, and the six ports.</summary>
    public static IServiceCollection AddAzureStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<AzureStorageOptions>().BindConfiguration(AzureStorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // The application registers these too; repeating the binding is harmless and lets the adapters stand alone.
        services.AddOptions<WorkQueueOptions>().BindConfiguration(WorkQueueOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // One credential for both clients, so the token is fetched and cached once.
        services.TryAddSingleton<TokenCredential>(sp => StorageClients.CreateCredential(sp.GetRequiredService<IOptions<AzureStorageOptions>>().Value));
        services.TryAddSingleton(sp => StorageClients.CreateTableServiceClient(Options(sp), Credential(sp)));
        services.TryAddSingleton(sp => StorageClients.CreateQueueServiceClient(Options(sp), Credential(sp)));

        services.TryAddSingleton<IJournal, TableStorageJournal>();
        services.TryAddSingleton<IArtistStore, TableStorageArtistStore>();
        services.TryAddSingleton<ISourceRecordStore, TableStorageSourceRecordStore>();
        services.TryAddSingleton<IQuarantineStore, TableStorageQuarantineStore>();
        services.TryAddSingleton<ILeadStore, TableStorageLeadStore>();
        services.TryAddSingleton<IWorkQueue, StorageQueueWorkQueue>();
        services.TryAddSingleton<ISourceCursorStore, TableStorageSourceCursorStore>();
        services.TryAddSingleton<IMatchReviewStore, TableStorageMatchReviewStore>();
        return services;
    }

    /// <summary>
    /// The <see cref="EventHubsOptions"/>, one <see cref="EventHubProducerClient"/> (Entra ID with the
    /// storage adapters' credential, or the connection string) and <see cref="EventHubsJournalPublisher"/>.
    /// Call after <see cref="AddAzureStorage"/>: the publisher follows that journal.
    /// </summary>
    public static IServiceCollection AddAzureEventHubs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<EventHubsOptions>().BindConfiguration(EventHubsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EventHubsOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new EventHubProducerClient(options.FullyQualifiedNamespace, options.EventHubName, sp.GetRequiredService<TokenCredential>())
                : new EventHubProducerClient(options.ConnectionString, options.EventHubName);
        });
        services.TryAddSingleton<EventHubsJournalPublisher>();
        return services;
    }

    private static AzureStorageOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<AzureStorageOptions>>().Value;

    /// <summary>Only resolved when there is no connection string, so Azurite runs need no credential at all.</summary>
    private static TokenCredential? Credential(IServiceProvider services) =>
        string.IsNullOrWhiteSpace(Options(services).ConnectionString) ? services.GetRequiredService<TokenCredential>() : null;
}

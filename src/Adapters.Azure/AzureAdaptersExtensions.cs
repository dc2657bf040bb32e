using Azure.Core;
using Azure.Data.Tables;
using Azure.Messaging.EventHubs.Producer;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Azure.OpenAI;
using MonaSpark.Adapters.Azure.Search;
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
/// Azure AI Search (the vector index) and Azure OpenAI (embeddings and chat) likewise, each when its
/// endpoint is set (ADR-007):
/// <code>
/// MonaSpark__AzureSearch__Endpoint              = https://{service}.search.windows.net
/// MonaSpark__AzureSearch__IndexName             = artists   (optional, the default)
/// MonaSpark__AzureOpenAI__Endpoint              = https://{resource}.openai.azure.com/
/// MonaSpark__AzureOpenAI__EmbeddingDeployment   = text-embedding-3-small
/// MonaSpark__AzureOpenAI__ChatDeployment        = gpt-4o-mini
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

        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{AzureOpenAIOptions.SectionName}:{nameof(AzureOpenAIOptions.Endpoint)}"]))
        {
            builder.Services.AddAzureOpenAI(builder.Configuration);
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{AzureSearchOptions.SectionName}:{nameof(AzureSearchOptions.Endpoint)}"]))
        {
            builder.Services.AddAzureAISearch();
        }

        return builder;
    }

    /// <summary>
    /// <see cref="AzureOpenAIOptions"/> and, per deployment configured, the embedding generator
    /// (<c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c>, batched) and the <see cref="IChatClient"/>,
    /// on one OpenAI client authenticated with the storage adapters' credential (call after <see cref="AddAzureStorage"/>).
    /// A deployment left unset registers nothing for it, so the local default (embeddings) or the
    /// template copywriter (chat) takes its place.
    /// </summary>
    public static IServiceCollection AddAzureOpenAI(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AzureOpenAIOptions>().BindConfiguration(AzureOpenAIOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => AzureOpenAIClients.Create(OpenAIOptions(sp), sp.GetRequiredService<TokenCredential>()));
        var section = configuration.GetSection(AzureOpenAIOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(section[nameof(AzureOpenAIOptions.EmbeddingDeployment)]))
        {
            services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
                AzureOpenAIClients.EmbeddingGenerator(sp.GetRequiredService<global::OpenAI.OpenAIClient>(), OpenAIOptions(sp)));
        }

        if (!string.IsNullOrWhiteSpace(section[nameof(AzureOpenAIOptions.ChatDeployment)]))
        {
            services.TryAddSingleton(sp => AzureOpenAIClients.ChatClient(sp.GetRequiredService<global::OpenAI.OpenAIClient>(), OpenAIOptions(sp)));
        }

        return services;
    }

    /// <summary>
    /// <see cref="AzureSearchOptions"/>, one <see cref="SearchIndexClient"/> (Entra ID with the storage
    /// adapters' credential) and <see cref="AzureSearchVectorIndex"/> as <see cref="IVectorIndex"/>.
    /// </summary>
    public static IServiceCollection AddAzureAISearch(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<AzureSearchOptions>().BindConfiguration(AzureSearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new SearchIndexClient(
            sp.GetRequiredService<IOptions<AzureSearchOptions>>().Value.Endpoint,
            sp.GetRequiredService<TokenCredential>(),
            new SearchClientOptions()));
        services.TryAddSingleton<AzureSearchVectorIndex>();
        services.TryAddSingleton<IVectorIndex>(sp => sp.GetRequiredService<AzureSearchVectorIndex>());
        services.AddHostedService<AzureSearchIndexInitializer>();
        return services;
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
        services.TryAddSingleton<IFeatureStore, TableStorageFeatureStore>();
        services.TryAddSingleton<IModelRegistry, TableStorageModelRegistry>();
        services.TryAddSingleton<IReadModelStore, TableStorageReadModelStore>();
        services.TryAddSingleton<IContactRegistry, TableStorageContactRegistry>();
        services.TryAddSingleton<IOutreachMessageStore, TableStorageOutreachMessageStore>();
        services.TryAddSingleton<ISenderLedger, TableStorageSenderLedger>();
        services.TryAddSingleton<IProviderRateLimiter, TableStorageProviderRateLimiter>();
        services.TryAddSingleton<IOneTimeTokens, TableStorageOneTimeTokens>();
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

    private static AzureOpenAIOptions OpenAIOptions(IServiceProvider services) => services.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value;

    private static AzureStorageOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<AzureStorageOptions>>().Value;

    /// <summary>Only resolved when there is no connection string, so Azurite runs need no credential at all.</summary>
    private static TokenCredential? Credential(IServiceProvider services) =>
        string.IsNullOrWhiteSpace(Options(services).ConnectionString) ? services.GetRequiredService<TokenCredential>() : null;
}

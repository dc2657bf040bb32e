using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MonaSpark.Application.Ingestion;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Queries;
using MonaSpark.Application.Resolution;
using MonaSpark.Application.Scoring;
using MonaSpark.Application.Telemetry;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Validation;
using MonaSpark.Domain.Validation.Sources;

namespace MonaSpark.Application;

/// <summary>Registers the use cases. Adapters register the ports; hosts register neither.</summary>
public static class ApplicationServiceCollectionExtensions
{
    public static IServiceCollection AddMonaSparkApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MonaSparkTelemetry>();
        services.AddOptions<ScoringOptions>().BindConfiguration(ScoringOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ResolutionOptions>().BindConfiguration(ResolutionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WorkQueueOptions>().BindConfiguration(WorkQueueOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // Cold start: the documented baseline until the ML models are trained (intelligence issue).
        services.TryAddSingleton<ILeadScorer, BaselineLeadScorer>();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISourceValidator, ImportValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISourceValidator, WebPageValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISourceValidator, SpotifyArtistValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISourceValidator, YouTubeChannelValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISourceValidator, SoundCloudUserValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISourceValidator, InstagramBusinessValidator>());
        services.TryAddSingleton<SourceValidators>();
        services.AddTransient<ArtistResolver>();
        services.AddTransient<MergeArtists>();
        services.AddTransient<UnmergeArtists>();
        services.AddTransient<MatchReviewDecisions>();
        services.AddTransient<RecordIngestion>();
        services.AddTransient<SourceSync>();
        services.AddTransient<IWorkItemHandler, ProcessSourceRecordHandler>();
        services.AddTransient<IWorkItemHandler, ScoreArtistHandler>();
        services.AddTransient<IWorkItemHandler, FetchPageHandler>();
        services.AddTransient<WorkItemDispatcher>();
        services.TryAddSingleton<IUnitOfWork, PerCallUnitOfWork>();
        services.AddTransient<QueuedWorkRunner>();
        services.AddTransient<TriggeredWorkHandler>();
        services.AddTransient<LeadQueries>();
        services.AddTransient<KpiQuery>();
        return services;
    }
}

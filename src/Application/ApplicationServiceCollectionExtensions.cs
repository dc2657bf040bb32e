using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MonaSpark.Application.Copywriting;
using MonaSpark.Application.Ingestion;
using MonaSpark.Application.Landing;
using MonaSpark.Application.Lookalikes;
using MonaSpark.Application.Options;
using MonaSpark.Application.Outreach;
using MonaSpark.Application.Portal;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Projections;
using MonaSpark.Application.Queries;
using MonaSpark.Application.Resolution;
using MonaSpark.Application.Scoring;
using MonaSpark.Application.Telemetry;
using MonaSpark.Application.Training;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Commerce;
using MonaSpark.Domain.Outreach.Copy;
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
        services.AddOptions<CopywritingOptions>().BindConfiguration(CopywritingOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => CopyLinks.IsPublicBase(o.PublicBaseUrl), "MonaSpark:Copywriting:PublicBaseUrl must be an https URL (http on loopback) without query or fragment.")
            .Validate(o => PlainText.Clean(o.Company) == o.Company && PlainText.Clean(o.SenderName) == o.SenderName, "MonaSpark:Copywriting:Company and SenderName must be plain text on one line.")
            .ValidateOnStart();

        services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // Cold start: the documented baseline scores until a trained model is promoted (docs/scoring.md).
        services.TryAddSingleton<BaselineLeadScorer>();
        services.TryAddSingleton<ActiveLeadScorers>();
        services.AddTransient<TrainLeadModels>();

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
        services.AddTransient<IWorkItemHandler, EmbedArtistHandler>();
        services.AddTransient<IWorkItemHandler, SendMessageHandler>();
        services.AddTransient<WorkItemDispatcher>();
        services.TryAddSingleton<IUnitOfWork, PerCallUnitOfWork>();
        services.AddTransient<QueuedWorkRunner>();
        services.AddTransient<TriggeredWorkHandler>();
        services.AddTransient<LeadQueries>();
        services.AddTransient<KpiQuery>();
        services.AddTransient<ModelsQuery>();
        services.AddTransient<JourneysQuery>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, FunnelProjection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, ContactHistoryProjection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, CustomerAccountsProjection>());
        services.AddTransient<ProjectionRunner>();
        services.AddTransient<DraftOutreachCopy>();
        services.TryAddSingleton<CustomerDirectory>();
        AddOutreach(services);
        services.AddTransient<LookalikeQuery>();
        return services;
    }

    private static void AddOutreach(IServiceCollection services)
    {
        services.AddOptions<OutreachOptions>().BindConfiguration(OutreachOptions.SectionName).PostConfigure(o => o.ApplyDefaults()).ValidateDataAnnotations()
            .Validate(o => o.Campaigns.All(c => o.Offers.Any(f => f.Id == c.OfferId)), "Every campaign in MonaSpark:Outreach sells a configured offer.")
            .Validate(o => o.Offers.All(f => f.Prices.Count > 0 && f.Prices.All(p => CurrencyCode.IsSupported(p.Key) && p.Value > 0)), "Every offer in MonaSpark:Outreach has positive prices in supported currencies.")
            .Validate(o => CurrencyCode.IsSupported(o.DefaultCurrency), "MonaSpark:Outreach:DefaultCurrency is not a supported currency.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.DefaultTimeZone, out _), "MonaSpark:Outreach:DefaultTimeZone is not a known time zone.")
            .Validate(o => o.Windows.Values.All(IsWindow), "MonaSpark:Outreach:Windows are 'HH:mm-HH:mm', opening first.")
            .ValidateOnStart();
        services.AddOptions<LinkSigningOptions>().BindConfiguration(LinkSigningOptions.SectionName)
            .Validate(o => LinkSigningOptions.IsKey(o.SigningKey), "MonaSpark:Links:SigningKey must be a base64 key of at least 32 bytes (Key Vault in production; the local host generates one).")
            .Validate(o => string.IsNullOrEmpty(o.PreviousSigningKey) || LinkSigningOptions.IsKey(o.PreviousSigningKey), "MonaSpark:Links:PreviousSigningKey must be a base64 key of at least 32 bytes.");

        // Checked when first used; the hosts check it at start too (a host that sends must have a key).
        services.TryAddSingleton<LinkTokens>();
        services.TryAddSingleton<ProviderRateLimits>();
        services.AddTransient<ConversationWindows>();
        services.AddTransient<ContactSelection>();
        services.AddTransient<JourneyPlanner>();
        services.AddTransient<DraftJourneyMessage>();
        services.AddTransient<SendOutreachMessage>();
        services.AddTransient<OutreachSends>();
        services.AddTransient<JourneyCompensations>();
        services.AddTransient<JourneyRecords>();
        services.AddTransient<Checkouts>();
        services.AddTransient<Unsubscribe>();
        services.AddTransient<DeliveryReports>();
        services.AddOptions<LandingOptions>().BindConfiguration(LandingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<LandingPages>();
        services.AddTransient<OnboardingForms>();
        services.AddOptions<WebPushOptInOptions>().BindConfiguration(WebPushOptInOptions.SectionName);
        services.AddTransient<PushOptIns>();
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(_ => System.Security.Cryptography.RandomNumberGenerator.Create());
        services.TryAddSingleton<PortalTokens>();
        services.AddTransient<PortalSignIn>();
        services.AddTransient<CustomerPortal>();
    }

    private static bool IsWindow(string text)
    {
        try
        {
            OutreachOptions.ParseWindow(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using MonaSpark.Workflows.Journeys;
using MonaSpark.Workflows.Scoring;

namespace MonaSpark.Workflows;

/// <summary>
/// Registers every saga and activity with a durable task worker (the local host's in-process
/// engine). The Functions app registers the same names through its <c>[Function]</c> shims.
/// </summary>
public static class DurableTaskRegistryExtensions
{
    public static DurableTaskRegistry AddMonaSparkWorkflows(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<ScoreArtistsOrchestration>();
        registry.AddActivity<ScoreArtistActivity>();
        registry.AddOrchestrator<LeadJourneyOrchestration>();
        registry.AddOrchestrator<OnboardingOrchestration>();
        registry.AddOrchestrator<CheckoutOrchestration>();
        registry.AddActivity<PlanJourneyActivity>();
        registry.AddActivity<DraftMessageActivity>();
        registry.AddActivity<DispatchSendActivity>();
        registry.AddActivity<CancelPendingSendsActivity>();
        registry.AddActivity<EndJourneyActivity>();
        registry.AddActivity<OpenCheckoutActivity>();
        registry.AddActivity<VoidCheckoutActivity>();
        registry.AddActivity<ScheduleUpsellActivity>();
        return registry;
    }
}

/// <summary>Registers what starts, signals and resumes journeys; the host provides the <c>DurableTaskClient</c>.</summary>
public static class JourneyServiceCollectionExtensions
{
    public static IServiceCollection AddMonaSparkJourneys(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddTransient<JourneyClient>();
        services.AddTransient<JourneyStarter>();
        services.AddTransient<JourneyRecovery>();

        // One relay memory per process: where each artist's journey started, early stage signals.
        services.AddSingleton<JourneySignalRelay.Memory>();
        services.AddTransient<JourneySignalRelay>();
        return services;
    }
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using MonaSpark.Application.Outreach;
using MonaSpark.Workflows.Journeys;

namespace MonaSpark.Functions.Orchestrations;

/// <summary>
/// Durable Functions shims over the journey sagas, under the same names as in the local host's engine
/// (Functions.Tests checks they match): the orchestration code is the same class on both hosts.
/// </summary>
public static class JourneyOrchestrations
{
    [Function(nameof(LeadJourney))]
    public static Task<JourneyResult> LeadJourney([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new LeadJourneyOrchestration().RunAsync(context, context.GetInput<JourneyInput>()!);

    [Function(nameof(Onboarding))]
    public static Task<StageResult> Onboarding([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new OnboardingOrchestration().RunAsync(context, context.GetInput<StageInput>()!);

    [Function(nameof(Checkout))]
    public static Task<StageResult> Checkout([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new CheckoutOrchestration().RunAsync(context, context.GetInput<StageInput>()!);
}

/// <summary>Durable Functions shims over the journey's activities: each calls the same use case the local activity calls.</summary>
public sealed class JourneyActivities(
    JourneyPlanner planner,
    DraftJourneyMessage drafts,
    OutreachSends sends,
    JourneyCompensations compensations,
    JourneyRecords records,
    Checkouts checkouts)
{
    [Function(nameof(PlanJourney))]
    public Task<JourneyPlan> PlanJourney([ActivityTrigger] JourneyPlanRequest request, CancellationToken cancellationToken) =>
        planner.PlanAsync(request, cancellationToken);

    [Function(nameof(DraftMessage))]
    public Task<DraftOutcome> DraftMessage([ActivityTrigger] DraftRequest request, CancellationToken cancellationToken) =>
        drafts.DraftAsync(request, cancellationToken);

    /// <summary>Queues the send on <c>work-items</c>; <see cref="Triggers.ProcessWorkItem"/> sends it and the outcome comes back through the journal.</summary>
    [Function(nameof(DispatchSend))]
    public Task<string> DispatchSend([ActivityTrigger] SendDispatch dispatch) =>
        new DispatchSendActivity(sends).RunAsync(dispatch);

    [Function(nameof(CancelPendingSends))]
    public Task<int> CancelPendingSends([ActivityTrigger] CancelPendingRequest request) =>
        new CancelPendingSendsActivity(compensations).RunAsync(request);

    [Function(nameof(EndJourney))]
    public Task<string> EndJourney([ActivityTrigger] EndJourneyRequest request) =>
        new EndJourneyActivity(records).RunAsync(request);

    [Function(nameof(OpenCheckout))]
    public Task<CheckoutOpenOutcome> OpenCheckout([ActivityTrigger] CheckoutOpenRequest request, CancellationToken cancellationToken) =>
        checkouts.OpenAsync(request, cancellationToken);

    [Function(nameof(VoidCheckout))]
    public Task<string> VoidCheckout([ActivityTrigger] CheckoutVoidRequest request) =>
        new VoidCheckoutActivity(checkouts).RunAsync(request);

    [Function(nameof(ScheduleUpsell))]
    public Task<string> ScheduleUpsell([ActivityTrigger] UpsellRequest request) =>
        new ScheduleUpsellActivity(checkouts).RunAsync(request);
}

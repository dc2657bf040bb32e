using Microsoft.DurableTask;
using MonaSpark.Application.Outreach;

namespace MonaSpark.Workflows.Journeys;

// The journey's steps. Each is a thin shell over a use case in MonaSpark.Application.Outreach and is
// idempotent under its key ({instanceId}:{step}); each has a RunAsync the Functions shims call with
// the input alone.

/// <summary>Plans the journey: channels, copy angle, offer, link token.</summary>
[DurableTask(Name)]
public sealed class PlanJourneyActivity(JourneyPlanner planner) : TaskActivity<JourneyPlanRequest, JourneyPlan>
{
    public const string Name = "PlanJourney";

    public override Task<JourneyPlan> RunAsync(TaskActivityContext context, JourneyPlanRequest input) => planner.PlanAsync(input);
}

/// <summary>Drafts one message into the outbox under its key.</summary>
[DurableTask(Name)]
public sealed class DraftMessageActivity(DraftJourneyMessage drafts) : TaskActivity<DraftRequest, DraftOutcome>
{
    public const string Name = "DraftMessage";

    public override Task<DraftOutcome> RunAsync(TaskActivityContext context, DraftRequest input) => drafts.DraftAsync(input);
}

/// <summary>Queues one attempt at sending a stored message (its outcome comes back from the journal); returns the work item's id.</summary>
[DurableTask(Name)]
public sealed class DispatchSendActivity(OutreachSends sends) : TaskActivity<SendDispatch, string>
{
    public const string Name = "DispatchSend";

    public override Task<string> RunAsync(TaskActivityContext context, SendDispatch input) => RunAsync(input);

    public Task<string> RunAsync(SendDispatch input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return sends.DispatchAsync(input.MessageId, input.Dispatch);
    }
}

/// <summary>Compensation: cancels the journey's unsent messages and releases their quota.</summary>
[DurableTask(Name)]
public sealed class CancelPendingSendsActivity(JourneyCompensations compensations) : TaskActivity<CancelPendingRequest, int>
{
    public const string Name = "CancelPendingSends";

    public override Task<int> RunAsync(TaskActivityContext context, CancelPendingRequest input) => RunAsync(input);

    public Task<int> RunAsync(CancelPendingRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return compensations.CancelPendingAsync(input.ArtistId, input.JourneyId, input.Reason);
    }
}

/// <summary>Journals the journey's end.</summary>
[DurableTask(Name)]
public sealed class EndJourneyActivity(JourneyRecords records) : TaskActivity<EndJourneyRequest, string>
{
    public const string Name = "EndJourney";

    public override Task<string> RunAsync(TaskActivityContext context, EndJourneyRequest input) => RunAsync(input);

    public async Task<string> RunAsync(EndJourneyRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await records.EndedAsync(input.ArtistId, input.JourneyId, input.Outcome);
        return input.Outcome;
    }
}

/// <summary>Opens a checkout priced in the artist's currency.</summary>
[DurableTask(Name)]
public sealed class OpenCheckoutActivity(Checkouts checkouts) : TaskActivity<CheckoutOpenRequest, CheckoutOpenOutcome>
{
    public const string Name = "OpenCheckout";

    public override Task<CheckoutOpenOutcome> RunAsync(TaskActivityContext context, CheckoutOpenRequest input) => checkouts.OpenAsync(input);
}

/// <summary>Compensation: voids an open checkout.</summary>
[DurableTask(Name)]
public sealed class VoidCheckoutActivity(Checkouts checkouts) : TaskActivity<CheckoutVoidRequest, string>
{
    public const string Name = "VoidCheckout";

    public override Task<string> RunAsync(TaskActivityContext context, CheckoutVoidRequest input) => RunAsync(input);

    public async Task<string> RunAsync(CheckoutVoidRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await checkouts.VoidAsync(input);
        return input.CheckoutId;
    }
}

/// <summary>Schedules a new customer's upsell evaluation.</summary>
[DurableTask(Name)]
public sealed class ScheduleUpsellActivity(Checkouts checkouts) : TaskActivity<UpsellRequest, string>
{
    public const string Name = "ScheduleUpsell";

    public override Task<string> RunAsync(TaskActivityContext context, UpsellRequest input) => RunAsync(input);

    public async Task<string> RunAsync(UpsellRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await checkouts.ScheduleUpsellAsync(input.ArtistId, input.OfferId, input.Delay);
        return input.ArtistId;
    }
}

public sealed record SendDispatch(string MessageId, int Dispatch);

public sealed record CancelPendingRequest(string ArtistId, string JourneyId, string Reason);

public sealed record EndJourneyRequest(string ArtistId, string JourneyId, string Outcome);

public sealed record UpsellRequest(string ArtistId, string OfferId, TimeSpan Delay);

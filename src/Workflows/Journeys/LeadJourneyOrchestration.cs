using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using MonaSpark.Application.Outreach;
using MonaSpark.Domain.Outreach.Policies;

namespace MonaSpark.Workflows.Journeys;

/// <summary>
/// Saga <c>LeadJourney</c>, one per qualified lead (<see cref="JourneyIds.For"/>):
/// plan (campaign, variant, channels, link token) → for each step: draft → send through the work queue,
/// its outcome relayed from the journal (deferred sends wait on a durable timer, a failed or refused
/// channel gives way to the next) → wait for signals until the
/// step's deadline (a click or a landing view extends it once; a bounce retries the step on the next
/// channel) → on signup, <c>Onboarding</c> → on completion, <c>Checkout</c> → on payment, the upsell
/// evaluation is scheduled.
/// An opt-out or an erasure at any point ends the journey; every end cancels the journey's unsent
/// messages and releases their quota (the compensation), and a failed step ends it the same way.
/// Deterministic: decisions come from the input, the activities' results and the signals; time from
/// <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>; waits are durable timers.
/// </summary>
[DurableTask(Name)]
public sealed partial class LeadJourneyOrchestration : TaskOrchestrator<JourneyInput, JourneyResult>
{
    public const string Name = "LeadJourney";

    public override async Task<JourneyResult> RunAsync(TaskOrchestrationContext context, JourneyInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Schedule);
        ArgumentOutOfRangeException.ThrowIfZero(input.Schedule.Steps.Count);
        var result = await new Run(context, input).ExecuteAsync();
        LogEnded(context.CreateReplaySafeLogger<LeadJourneyOrchestration>(), context.InstanceId, result.Outcome, result.MessagesSent);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LeadJourney {InstanceId}: paid, but the upsell evaluation could not be scheduled")]
    private static partial void LogUpsellNotScheduled(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "LeadJourney {InstanceId} ended: {Outcome} after {Sent} messages")]
    private static partial void LogEnded(ILogger logger, string instanceId, string outcome, int sent);

    /// <summary>One execution's state (rebuilt identically on every replay).</summary>
    private sealed class Run(TaskOrchestrationContext context, JourneyInput input)
    {
        private const string SignedUp = "signed-up";
        private readonly SignalInbox signals = new(context);
        private readonly TaskOptions retry = JourneyRetry.Options(input.Schedule.MaxAttempts, input.Schedule.FirstRetryDelay);
        private readonly string journeyId = context.InstanceId;
        private int sent;
        private string? checkoutId;

        /// <summary>Set when a signal arrives while a send waits: what the journey does next.</summary>
        private string? interrupt;

        /// <summary>
        /// Answers that arrived while a send's outcome was awaited (a bounce raised before the send's own
        /// outcome reached the journey), kept for the wait that follows, in their order.
        /// </summary>
        private readonly Queue<JourneySignal> early = new();

        public async Task<JourneyResult> ExecuteAsync()
        {
            try
            {
                var plan = await context.CallActivityAsync<JourneyPlan>(
                    PlanJourneyActivity.Name, new JourneyPlanRequest(journeyId, input.ArtistId, input.CampaignId, input.StartedAt), retry);
                if (plan.Status != JourneyPlanStatus.Ready)
                {
                    return await EndAsync(plan.Status == JourneyPlanStatus.ArtistUnknown ? JourneyOutcomes.ArtistUnknown : JourneyOutcomes.Unreachable);
                }

                var contacted = await ContactAsync(plan);
                if (contacted != SignedUp)
                {
                    return await EndAsync(contacted);
                }

                var stage = new StageInput(input.ArtistId, plan.OfferId!, plan.LinkToken!, input.Schedule.OnboardingTimeout, input.Schedule.MaxAttempts, input.Schedule.FirstRetryDelay);
                var onboarding = await context.CallSubOrchestratorAsync<StageResult>(
                    OnboardingOrchestration.Name, stage, new SubOrchestrationOptions { InstanceId = JourneyIds.Onboarding(journeyId) });
                if (onboarding.Outcome != StageOutcomes.Completed)
                {
                    return await EndAsync(StoppedOutcome(onboarding) ?? JourneyOutcomes.OnboardingAbandoned);
                }

                var checkout = await context.CallSubOrchestratorAsync<StageResult>(
                    CheckoutOrchestration.Name, stage with { Timeout = input.Schedule.CheckoutTimeout }, new SubOrchestrationOptions { InstanceId = JourneyIds.Checkout(journeyId) });
                checkoutId = checkout.CheckoutId;
                if (checkout.Outcome != StageOutcomes.Paid)
                {
                    return await EndAsync(StoppedOutcome(checkout) ?? JourneyOutcomes.CheckoutAbandoned);
                }

                try
                {
                    await context.CallActivityAsync<string>(ScheduleUpsellActivity.Name, new UpsellRequest(input.ArtistId, plan.OfferId!, input.Schedule.UpsellDelay), retry);
                }
                catch (TaskFailedException)
                {
                    // The payment stands whatever happens to the upsell: the journey still ends paid, and the
                    // missing evaluation is logged (a customer without UpsellEvaluationScheduled can be found in the journal).
                    LogUpsellNotScheduled(context.CreateReplaySafeLogger<LeadJourneyOrchestration>(), context.InstanceId);
                }

                return await EndAsync(JourneyOutcomes.Paid);
            }
            catch (TaskFailedException)
            {
                // A step failed for good: undo what the journey started (unsent messages, their quota), then end.
                return await EndAsync(JourneyOutcomes.Failed);
            }
        }

        /// <summary>Contacts the artist step by step; the outcome, or <see cref="SignedUp"/>.</summary>
        private async Task<string> ContactAsync(JourneyPlan plan)
        {
            var channels = plan.Channels;
            var channel = 0;
            var steps = input.Schedule.Steps;
            for (var step = 0; step < steps.Count; step++)
            {
                var (messageId, outcome, used) = await TrySendStepAsync(plan, step, channels, channel);
                channel = used;
                if (interrupt is not null)
                {
                    return interrupt;
                }

                if (outcome is null)
                {
                    return JourneyOutcomes.Unreachable;
                }

                sent++;
                var answer = await AwaitAnswerAsync(messageId!, outcome.At.UtcDateTime + steps[step].Wait);
                if (answer == JourneySignals.Bounced)
                {
                    channel++;
                    step--; // the same step again, on the next channel
                    continue;
                }

                if (answer is not null)
                {
                    return answer;
                }
            }

            return JourneyOutcomes.NoResponse;
        }

        /// <summary>Drafts and sends the step's message on the first channel, from <paramref name="channel"/> on, that takes it.</summary>
        private async Task<(string? MessageId, SendOutcome? Sent, int Channel)> TrySendStepAsync(JourneyPlan plan, int step, IReadOnlyList<Domain.Artists.ContactChannel> channels, int channel)
        {
            var variant = input.Schedule.Steps[step].VariantId ?? plan.VariantId ?? "intro";
            for (; channel < channels.Count; channel++)
            {
                var messageId = $"{journeyId}:m{step}:{channels[channel]}";
                var draft = await context.CallActivityAsync<DraftOutcome>(
                    DraftMessageActivity.Name, new DraftRequest(messageId, input.ArtistId, input.CampaignId, channels[channel], variant, plan.LinkToken!, FirstContact: sent == 0), retry);
                if (!draft.Drafted)
                {
                    if (draft.Reason == SendPathReasons.ArtistErased)
                    {
                        interrupt = JourneyOutcomes.Erased;
                        return (null, null, channel);
                    }

                    continue;
                }

                var outcome = await SendWithDeferralsAsync(messageId);
                if (interrupt is not null)
                {
                    return (null, null, channel);
                }

                if (outcome.Kind == SendOutcomeKind.Sent)
                {
                    return (messageId, outcome, channel);
                }

                if (outcome.Reasons.Contains(SendRefusals.OptedOut) || outcome.Reasons.Contains(SendPathReasons.ArtistErased))
                {
                    interrupt = outcome.Reasons.Contains(SendRefusals.OptedOut) ? JourneyOutcomes.OptedOut : JourneyOutcomes.Erased;
                    return (null, null, channel);
                }
            }

            return (null, null, channel);
        }

        /// <summary>
        /// Sends through the queue: dispatches the message, then waits for its outcome from the journal
        /// (listening for signals that stop the journey). A deferral waits on a durable timer and dispatches
        /// again; a send that reports nothing within the send timeout is dispatched again (the send is
        /// idempotent), up to <see cref="JourneySchedule.MaxDispatches"/> times.
        /// </summary>
        private async Task<SendOutcome> SendWithDeferralsAsync(string messageId)
        {
            var deferrals = 0;
            var silent = 0;
            for (var dispatch = 0; ; dispatch++)
            {
                await context.CallActivityAsync<string>(DispatchSendActivity.Name, new SendDispatch(messageId, dispatch), retry);
                var outcome = await AwaitOutcomeAsync(messageId, dispatch);
                if (interrupt is not null)
                {
                    return outcome ?? SendOutcome.Refused(context.CurrentUtcDateTime, [interrupt]);
                }

                if (outcome is null)
                {
                    if (++silent >= input.Schedule.MaxDispatches)
                    {
                        return SendOutcome.Failed(context.CurrentUtcDateTime, "send-timed-out");
                    }

                    continue;
                }

                if (outcome.Kind != SendOutcomeKind.Deferred)
                {
                    return outcome;
                }

                if (++deferrals > input.Schedule.MaxDeferrals)
                {
                    return SendOutcome.Failed(outcome.At, "deferred-too-often");
                }

                while (await signals.NextAsync(outcome.NotBefore!.Value.UtcDateTime) is { } signal)
                {
                    if (Interrupts(signal) is { } next)
                    {
                        interrupt = next;
                        return outcome;
                    }
                }
            }
        }

        /// <summary>The outcome of the <paramref name="dispatch"/>-th attempt at <paramref name="messageId"/>, or null when none came in time (or a signal interrupted).</summary>
        private async Task<SendOutcome?> AwaitOutcomeAsync(string messageId, int dispatch)
        {
            var deadline = context.CurrentUtcDateTime + input.Schedule.SendTimeoutOrDefault;
            while (await signals.NextAsync(deadline) is { } signal)
            {
                if (Interrupts(signal) is { } next)
                {
                    interrupt = next;
                    return null;
                }

                if (!JourneySignals.IsSendOutcome(signal.Kind))
                {
                    early.Enqueue(signal); // an answer: the wait after the send takes it
                    continue;
                }

                if (signal.MessageId != messageId || (signal.Kind == JourneySignals.MessageDeferred && signal.Dispatch != dispatch))
                {
                    continue; // another message's outcome, or an earlier attempt's deferral
                }

                var reasons = (signal.Detail ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return signal.Kind switch
                {
                    JourneySignals.MessageSent => SendOutcome.Sent(signal.At),
                    JourneySignals.MessageDeferred => SendOutcome.Deferred(signal.At, signal.NotBefore ?? signal.At, reasons.FirstOrDefault() ?? "deferred"),
                    JourneySignals.MessageRefused => SendOutcome.Refused(signal.At, reasons),
                    _ => SendOutcome.Failed(signal.At, reasons.FirstOrDefault() ?? SendPathReasons.ProviderRefused),
                };
            }

            return null;
        }

        /// <summary>Waits for an answer to <paramref name="messageId"/> until the deadline: an outcome, <see cref="JourneySignals.Bounced"/>, or null (no answer).</summary>
        private async Task<string?> AwaitAnswerAsync(string messageId, DateTime deadline)
        {
            var extended = false;
            while ((early.Count > 0 ? early.Dequeue() : await signals.NextAsync(deadline)) is { } signal)
            {
                if (Interrupts(signal) is { } next)
                {
                    return next;
                }

                if (signal.Kind == JourneySignals.Bounced && (signal.MessageId is null || signal.MessageId == messageId))
                {
                    return JourneySignals.Bounced;
                }

                if (signal.Kind is JourneySignals.Clicked or JourneySignals.LandingViewed && !extended)
                {
                    // Engaged: give them time to sign up before any follow-up.
                    extended = true;
                    var engaged = context.CurrentUtcDateTime + input.Schedule.EngagedWait;
                    deadline = engaged > deadline ? engaged : deadline;
                }
            }

            return null;
        }

        /// <summary>What a signal makes of the journey wherever it waits: stop, hand over, go to onboarding, or nothing.</summary>
        private static string? Interrupts(JourneySignal signal) => signal.Kind switch
        {
            JourneySignals.OptedOut => JourneyOutcomes.OptedOut,
            JourneySignals.Erased => JourneyOutcomes.Erased,
            JourneySignals.Replied => JourneyOutcomes.Replied,
            JourneySignals.SignedUp => SignedUp,
            _ => null,
        };

        private static string? StoppedOutcome(StageResult stage) => stage.StoppedBy switch
        {
            JourneySignals.OptedOut => JourneyOutcomes.OptedOut,
            JourneySignals.Erased => JourneyOutcomes.Erased,
            _ => null,
        };

        /// <summary>Every end: cancel what was not sent (releasing its quota), then journal the end.</summary>
        private async Task<JourneyResult> EndAsync(string outcome)
        {
            await context.CallActivityAsync<int>(CancelPendingSendsActivity.Name, new CancelPendingRequest(input.ArtistId, journeyId, outcome), retry);
            await context.CallActivityAsync<string>(EndJourneyActivity.Name, new EndJourneyRequest(input.ArtistId, journeyId, outcome), retry);
            return new JourneyResult(outcome, sent, checkoutId);
        }
    }
}

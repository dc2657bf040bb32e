using Microsoft.DurableTask;

namespace MonaSpark.Workflows.Journeys;

/// <summary>Input of the onboarding and checkout stages.</summary>
/// <param name="LinkToken">The artist's link token (checkout return URLs).</param>
public sealed record StageInput(string ArtistId, string OfferId, string LinkToken, TimeSpan Timeout, int MaxAttempts = 4, TimeSpan? FirstRetryDelay = null);

/// <summary>How a stage ended: <see cref="StageOutcomes"/>, the signal that stopped it (when one did), the checkout it opened.</summary>
public sealed record StageResult(string Outcome, string? StoppedBy = null, string? CheckoutId = null);

public static class StageOutcomes
{
    public const string Completed = "completed";
    public const string Paid = "paid";
    public const string TimedOut = "timed-out";
    public const string Stopped = "stopped";
    public const string Unavailable = "unavailable";
}

/// <summary>
/// Saga <c>Onboarding</c>: a signed-up artist completes the onboarding form (issue 6 builds the form;
/// it raises <see cref="JourneySignals.OnboardingCompleted"/>). Ends completed, timed out, or stopped
/// by an opt-out or an erasure.
/// </summary>
[DurableTask(Name)]
public sealed class OnboardingOrchestration : TaskOrchestrator<StageInput, StageResult>
{
    public const string Name = "Onboarding";

    public override async Task<StageResult> RunAsync(TaskOrchestrationContext context, StageInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var signals = new SignalInbox(context);
        var deadline = context.CurrentUtcDateTime + input.Timeout;
        while (await signals.NextAsync(deadline) is { } signal)
        {
            if (JourneySignals.Stops(signal.Kind))
            {
                return new StageResult(StageOutcomes.Stopped, signal.Kind);
            }

            if (signal.Kind == JourneySignals.OnboardingCompleted)
            {
                return new StageResult(StageOutcomes.Completed);
            }
        }

        return new StageResult(StageOutcomes.TimedOut);
    }
}

/// <summary>
/// Saga <c>Checkout</c>: opens a checkout priced in the artist's currency, then waits for the payment.
/// Paid ends it; a timeout, an opt-out, an erasure, or a failure after the session was opened voids the
/// session (the compensation). A declined payment keeps it open until the timeout: the artist may try again.
/// </summary>
[DurableTask(Name)]
public sealed class CheckoutOrchestration : TaskOrchestrator<StageInput, StageResult>
{
    public const string Name = "Checkout";

    public override async Task<StageResult> RunAsync(TaskOrchestrationContext context, StageInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var retry = JourneyRetry.Options(input.MaxAttempts, input.FirstRetryDelay);
        var open = await context.CallActivityAsync<Application.Outreach.CheckoutOpenOutcome>(
            OpenCheckoutActivity.Name, new Application.Outreach.CheckoutOpenRequest(input.ArtistId, input.OfferId, input.LinkToken, $"{context.InstanceId}:open"), retry);
        if (open.CheckoutId is not { } checkoutId)
        {
            return new StageResult(StageOutcomes.Unavailable, open.Reason);
        }

        StageResult result;
        try
        {
            var signals = new SignalInbox(context);
            var deadline = context.CurrentUtcDateTime + input.Timeout;
            result = new StageResult(StageOutcomes.TimedOut, null, checkoutId);
            while (await signals.NextAsync(deadline) is { } signal)
            {
                if (signal.Kind == JourneySignals.PaymentSucceeded)
                {
                    return new StageResult(StageOutcomes.Paid, null, checkoutId);
                }

                if (JourneySignals.Stops(signal.Kind))
                {
                    result = new StageResult(StageOutcomes.Stopped, signal.Kind, checkoutId);
                    break;
                }
            }
        }
        catch (TaskFailedException)
        {
            await VoidAsync(context, input, checkoutId, "failed", retry);
            throw;
        }

        await VoidAsync(context, input, checkoutId, result.StoppedBy ?? result.Outcome, retry);
        return result;
    }

    private static Task VoidAsync(TaskOrchestrationContext context, StageInput input, string checkoutId, string reason, TaskOptions retry) =>
        context.CallActivityAsync<string>(
            VoidCheckoutActivity.Name, new Application.Outreach.CheckoutVoidRequest(input.ArtistId, checkoutId, $"{context.InstanceId}:void", reason), retry);
}

/// <summary>Waits for the next journey signal until a deadline, applying each signal id once.</summary>
internal sealed class SignalInbox(TaskOrchestrationContext context)
{
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    /// <summary>The next signal not seen before, or null once <paramref name="deadline"/> passes (a durable timer).</summary>
    public async Task<JourneySignal?> NextAsync(DateTime deadline)
    {
        while (true)
        {
            var remaining = deadline - context.CurrentUtcDateTime;
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            JourneySignal signal;
            try
            {
                signal = await context.WaitForExternalEvent<JourneySignal>(JourneySignals.EventName, remaining);
            }
            catch (TaskCanceledException)
            {
                return null;
            }

            if (signal is not null && seen.Add(signal.EventId))
            {
                return signal;
            }
        }
    }
}

/// <summary>The retry policy of every journey activity: exponential backoff from the first delay; permanent failures are not retried.</summary>
internal static class JourneyRetry
{
    public static TaskOptions Options(int maxAttempts, TimeSpan? firstDelay)
    {
        var first = firstDelay is { } d && d > TimeSpan.Zero ? d : TimeSpan.FromSeconds(5);
        var policy = new RetryPolicy(Math.Max(1, maxAttempts), first, backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(10))
        {
            // A failure no retry can fix (a card declined, a request the provider refuses) fails at once.
            // (By name: IsCausedBy resolves the failure's type by name, which fails for types outside this assembly's reach.)
            HandleFailure = failure => !IsPermanent(failure),
        };
        return TaskOptions.FromRetryPolicy(policy);
    }

    private static bool IsPermanent(TaskFailureDetails? failure)
    {
        for (; failure is not null; failure = failure.InnerFailure)
        {
            if (failure.ErrorType == typeof(Application.Work.PermanentWorkException).FullName)
            {
                return true;
            }
        }

        return false;
    }
}

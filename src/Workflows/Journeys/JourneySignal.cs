namespace MonaSpark.Workflows.Journeys;

/// <summary>
/// Something that happened to a journey's artist, raised to the journey (and its onboarding and
/// checkout) as the external event <see cref="JourneySignals.EventName"/>. <see cref="EventId"/>
/// identifies the happening: the same signal twice is applied once.
/// </summary>
/// <param name="MessageId">The message it concerns (a bounce, a click, a send's outcome), when it concerns one.</param>
/// <param name="Detail">A send's outcome: the reasons of a deferral, refusal or failure, comma-separated.</param>
/// <param name="NotBefore">A deferral: when the message may be tried again.</param>
/// <param name="Dispatch">A deferral: which of the journey's attempts at the message it answers.</param>
public sealed record JourneySignal(string Kind, string EventId, DateTimeOffset At, string? MessageId = null, string? Detail = null, DateTimeOffset? NotBefore = null, int? Dispatch = null);

/// <summary>Signal kinds and the event name.</summary>
public static class JourneySignals
{
    public const string EventName = "journey-signal";

    public const string Clicked = "clicked";
    public const string LandingViewed = "landing-viewed";
    public const string SignedUp = "signed-up";
    public const string Replied = "replied";
    public const string Bounced = "bounced";
    public const string OptedOut = "opted-out";
    public const string Erased = "erased";
    public const string OnboardingCompleted = "onboarding-completed";
    public const string PaymentSucceeded = "payment-succeeded";
    public const string PaymentFailed = "payment-failed";

    // A queued send's outcome, journalled by the send path.
    public const string MessageSent = "message-sent";
    public const string MessageDeferred = "message-deferred";
    public const string MessageRefused = "message-refused";
    public const string MessageFailed = "message-failed";

    /// <summary>Kinds that answer a send.</summary>
    public static bool IsSendOutcome(string kind) => kind is MessageSent or MessageDeferred or MessageRefused or MessageFailed;

    /// <summary>Kinds that end the journey at once, wherever it is.</summary>
    public static bool Stops(string kind) => kind is OptedOut or Erased;

    /// <summary>The instance ids a signal of <paramref name="kind"/> goes to, for the journey <paramref name="journeyId"/>.</summary>
    public static IReadOnlyList<string> Targets(string journeyId, string kind) => kind switch
    {
        OptedOut or Erased => [journeyId, JourneyIds.Onboarding(journeyId), JourneyIds.Checkout(journeyId)],
        OnboardingCompleted => [JourneyIds.Onboarding(journeyId)],
        PaymentSucceeded or PaymentFailed => [JourneyIds.Checkout(journeyId)],
        _ => [journeyId],
    };
}

/// <summary>Instance ids: one journey per artist at a time; its onboarding and checkout beside it.</summary>
public static class JourneyIds
{
    public static string For(string artistId) => $"journey-{artistId}";

    public static string Onboarding(string journeyId) => $"{journeyId}:onboarding";

    public static string Checkout(string journeyId) => $"{journeyId}:checkout";
}

namespace MonaSpark.Workflows.Journeys;

/// <summary>
/// Input of <c>LeadJourney</c>. <see cref="StartedAt"/> is fixed when the journey is first scheduled,
/// so a journey resumed after a restart plans the same links and keeps its deadlines.
/// </summary>
public sealed record JourneyInput(string ArtistId, string CampaignId, DateTimeOffset StartedAt, JourneySchedule Schedule);

/// <summary>
/// The journey's timings and retries (inputs, not constants: timers run in real time, so tests and
/// the demo use seconds where production uses days).
/// </summary>
/// <param name="Steps">The first contact and the follow-ups: each step's copy angle (null: the plan's) and how long to wait for an answer after it is sent.</param>
/// <param name="EngagedWait">After a click or a landing view, how long the journey waits for the signup before it follows up.</param>
/// <param name="OnboardingTimeout">How long a signed-up artist has to complete onboarding.</param>
/// <param name="CheckoutTimeout">How long an open checkout waits for payment before it is voided.</param>
/// <param name="UpsellDelay">After payment, when the upsell evaluation is due.</param>
/// <param name="MaxDeferrals">How many times one message may be deferred (quiet hours, caps) before the journey gives up on it.</param>
/// <param name="MaxAttempts">Attempts of each activity (transient failures).</param>
/// <param name="FirstRetryDelay">The first retry's delay; it doubles each time.</param>
/// <param name="SendTimeout">How long a queued send may take to report its outcome before it is dispatched again (default an hour: the queue's retries and a provider's rate limit fit in it).</param>
/// <param name="MaxDispatches">Dispatches of one message without an outcome before the journey gives up on it.</param>
public sealed record JourneySchedule(
    IReadOnlyList<JourneyStep> Steps,
    TimeSpan EngagedWait,
    TimeSpan OnboardingTimeout,
    TimeSpan CheckoutTimeout,
    TimeSpan UpsellDelay,
    int MaxDeferrals = 20,
    int MaxAttempts = 4,
    TimeSpan? FirstRetryDelay = null,
    TimeSpan? SendTimeout = null,
    int MaxDispatches = 3)
{
    /// <summary>The send timeout in force.</summary>
    public TimeSpan SendTimeoutOrDefault => SendTimeout ?? TimeSpan.FromHours(1);

    /// <summary>Production timings: a first contact, follow-ups after 3 and 7 days, a week to sign up after a click, 2 days to onboard, a day to pay, the upsell after 30 days.</summary>
    public static JourneySchedule Default { get; } = new(
        [new JourneyStep(null, TimeSpan.FromDays(3)), new JourneyStep("followup", TimeSpan.FromDays(4)), new JourneyStep("followup", TimeSpan.FromDays(7))],
        EngagedWait: TimeSpan.FromDays(7),
        OnboardingTimeout: TimeSpan.FromDays(2),
        CheckoutTimeout: TimeSpan.FromDays(1),
        UpsellDelay: TimeSpan.FromDays(30));

    /// <summary>The same shape in seconds (demo, tests).</summary>
    public static JourneySchedule Fast(TimeSpan unit) => new(
        [new JourneyStep(null, unit * 3), new JourneyStep("followup", unit * 4)],
        EngagedWait: unit * 7,
        OnboardingTimeout: unit * 2,
        CheckoutTimeout: unit * 2,
        UpsellDelay: unit * 30,
        MaxAttempts: 3,
        FirstRetryDelay: TimeSpan.FromMilliseconds(20),
        SendTimeout: unit * 60);
}

/// <param name="VariantId">The copy angle (<c>followup</c>); null uses the one the plan chose.</param>
/// <param name="Wait">How long to wait for an answer after the message is sent.</param>
public sealed record JourneyStep(string? VariantId, TimeSpan Wait);

/// <summary>How the journey ended and what it did.</summary>
public sealed record JourneyResult(string Outcome, int MessagesSent, string? CheckoutId);

using System.Text.Json;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Concurrency;
using MonaSpark.Application.Outreach;
using MonaSpark.Application.Portal;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Commerce;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Onboarding;
using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Application.Landing;

/// <summary>An artist's onboarding so far: kept on the server, so the form resumes after the tab is closed.</summary>
/// <param name="Applied">The ids of the last answers taken (at most <see cref="OnboardingForms.AppliedKept"/>): an answer sent again with its id (a retry after a lost response, an offline answer synced twice) changes nothing.</param>
public sealed record OnboardingSession(string ArtistId, DateTimeOffset StartedAt, Dictionary<string, string> Answers, DateTimeOffset? CompletedAt = null, List<string>? Applied = null);

/// <summary>A plan the form offers, priced in the artist's currency.</summary>
public sealed record PlanChoice(string Id, string Name, Money Price, BillingPeriod Period);

/// <summary>The question on screen: what the profile says (for confirmation), what was typed, why it was refused, and where it stands.</summary>
public sealed record OnboardingStep(Question Question, string? Known, string? Value, string? Error, int Number, int Count);

/// <summary>
/// What the enhancing script needs to carry on without the network: every question (with its branch
/// condition), the answers the server holds, and what the profile says for each question.
/// </summary>
public sealed record OnboardingState(IReadOnlyList<Question> Questions, IReadOnlyDictionary<string, string> Answers, IReadOnlyDictionary<string, string> Known);

/// <summary>What the form page shows.</summary>
/// <param name="State">The form's state for the enhancing script (null on the unavailable pages).</param>
/// <param name="PushKey">When set, the completed page offers web push (the VAPID public key the browser subscribes with).</param>
public sealed record OnboardingView(LandingStatus Status, string Token, string Language, string ArtistName, OnboardingStep? Step, IReadOnlyList<PlanChoice> Plans, TimeSpan? CompletedIn, OnboardingState? State = null, string? PushKey = null)
{
    public bool Completed => CompletedIn is not null;

    public static OnboardingView Unavailable(LandingStatus status) => new(status, string.Empty, CopyLanguage.English, string.Empty, null, [], null);
}

/// <summary>
/// The adaptive onboarding form behind <c>/l/{token}/form</c>, one question at a time
/// (<see cref="OnboardingQuestions"/>). Opening it is the signup (<see cref="OnboardingStarted"/>,
/// once), which moves the artist's journey to onboarding; the last answer completes it
/// (<see cref="SignupCompleted"/>, once, with the time it took: the KPI). The session lives on the
/// server (the form works as plain HTML, and resumes when the link is opened again); answering the
/// same question twice keeps the later answer, and nothing is journalled twice. An answer may carry an
/// id (the enhancing script gives each one, online or kept offline): the same id again changes nothing,
/// so answers synced after a lost response arrive exactly once. One artist's answers are taken one at a
/// time in this process; across instances an answer id is claimed in <see cref="IOneTimeTokens"/> before
/// it is applied, and the completion is journalled by the one caller that claims it.
/// </summary>
public sealed class OnboardingForms(
    LinkTokens links,
    IArtistStore artists,
    IOutreachMessageStore messages,
    IReadModelStore sessions,
    IJournal journal,
    IOneTimeTokens oneTime,
    IOptions<OutreachOptions> outreach,
    IOptions<WebPushOptInOptions> push,
    TimeProvider time)
{
    /// <summary>Where sessions are kept (one row per artist).</summary>
    public const string SessionsName = "onboarding-sessions";

    /// <summary>How many answer ids a session remembers (a form has ten questions at most; backs and changes add a few).</summary>
    public const int AppliedKept = 64;

    /// <summary>How long an answer id is remembered across instances (a device offline for longer sends its answers as new ones).</summary>
    public static readonly TimeSpan AnswerIdsKeptFor = TimeSpan.FromDays(30);

    /// <summary>The longest answer id taken (the script sends a UUID).</summary>
    public const int MaxAnswerIdLength = 64;

    private static readonly KeyedLocks<string> Artists = new();

    public async Task<OnboardingView> GetAsync(string? token, CancellationToken cancellationToken = default)
    {
        var (status, artist) = await ArtistOfAsync(token, cancellationToken);
        if (artist is null)
        {
            return OnboardingView.Unavailable(status);
        }

        var session = await SessionOfAsync(artist, cancellationToken);
        return View(token!, artist, session, null, null);
    }

    /// <summary>True when <paramref name="answerId"/> can identify an answer: 1–64 letters, digits, '-' or '_'.</summary>
    public static bool IsAnswerId(string? answerId) =>
        answerId is { Length: > 0 and <= MaxAnswerIdLength } && answerId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>
    /// Takes the answer to <paramref name="questionId"/>; <paramref name="back"/> instead forgets the last
    /// answer (to change it). With <paramref name="answerId"/>, an answer already taken under that id
    /// changes nothing (see <see cref="IsAnswerId"/>; any other value is ignored).
    /// </summary>
    public async Task<OnboardingView> AnswerAsync(string? token, string? questionId, string? value, bool back = false, string? answerId = null, CancellationToken cancellationToken = default)
    {
        var (status, artist) = await ArtistOfAsync(token, cancellationToken);
        if (artist is null)
        {
            return OnboardingView.Unavailable(status);
        }

        using var serial = await Artists.LockAsync(artist.Id.Value, cancellationToken);
        var session = await SessionOfAsync(artist, cancellationToken);
        var id = IsAnswerId(answerId) ? answerId : null;
        if (session.CompletedAt is not null || (id is not null && session.Applied?.Contains(id) == true))
        {
            return View(token!, artist, session, null, null);
        }

        if (id is not null && !await oneTime.TryConsumeAsync($"onboarding-answer:{artist.Id.Value}:{id}", time.GetUtcNow() + AnswerIdsKeptFor, cancellationToken))
        {
            // Another instance took this answer (the same one sent twice at once): show where the form stands.
            return View(token!, artist, await SessionOfAsync(artist, cancellationToken), null, null);
        }

        var questions = QuestionsFor();
        if (back)
        {
            var answered = OnboardingQuestions.Applicable(questions, session.Answers).LastOrDefault(q => session.Answers.ContainsKey(q.Id));
            if (answered is not null)
            {
                session.Answers.Remove(answered.Id);
                session = Applied(session, id);
                await SaveAsync(session, cancellationToken);
            }

            return View(token!, artist, session, null, null);
        }

        var question = OnboardingQuestions.Applicable(questions, session.Answers).FirstOrDefault(q => q.Id == questionId);
        if (question is null)
        {
            // A stale page (another tab answered, a branch changed): show where the form stands.
            return View(token!, artist, session, null, null);
        }

        var (clean, error) = OnboardingQuestions.Validate(question, value);
        if (error is not null)
        {
            return View(token!, artist, session, error, value);
        }

        session.Answers[question.Id] = clean!;
        if (question.Id == OnboardingQuestions.Email)
        {
            // The portal's sign-in finds the artist by this address (its key is a MAC: no address in a key).
            var key = PortalTokens.AddressKey(links, clean!.Trim().ToLowerInvariant());
            await sessions.SaveAsync(PortalSignIn.AddressesName, [new ReadModelRow(key, JsonSerializer.Serialize(artist.Id.Value), 0)], 0, cancellationToken);
        }

        if (question.Id == OnboardingQuestions.Act || question.Id == OnboardingQuestions.Deal)
        {
            // A branch changed: answers to questions no longer asked go.
            foreach (var orphan in questions.Where(q => q.AskedWhen?.Id == question.Id && q.AskedWhen?.Value != clean))
            {
                session.Answers.Remove(orphan.Id);
            }
        }

        session = Applied(session, id);
        var now = time.GetUtcNow();
        if (OnboardingQuestions.Next(questions, session.Answers) is null)
        {
            session = session with { CompletedAt = now };
            await SaveAsync(session, cancellationToken);
            if (await oneTime.TryConsumeAsync($"signup-completed:{artist.Id.Value}", now.AddYears(10), cancellationToken))
            {
                await journal.AppendAsync([new SignupCompleted(artist.Id.Value, now, session.Answers[OnboardingQuestions.Plan], now - session.StartedAt)], cancellationToken);
            }
        }
        else
        {
            await SaveAsync(session, cancellationToken);
        }

        return View(token!, artist, session, null, null);
    }

    /// <summary>The session with <paramref name="answerId"/> remembered (the oldest forgotten past <see cref="AppliedKept"/>).</summary>
    private static OnboardingSession Applied(OnboardingSession session, string? answerId)
    {
        if (answerId is null)
        {
            return session;
        }

        var applied = session.Applied ?? [];
        applied.Add(answerId);
        if (applied.Count > AppliedKept)
        {
            applied.RemoveRange(0, applied.Count - AppliedKept);
        }

        return session with { Applied = applied };
    }

    private OnboardingView View(string token, Artist artist, OnboardingSession session, string? error, string? typed)
    {
        var language = CopyLanguage.ForMarket(artist.Country?.Value);
        var plans = PlansFor(artist);
        var questions = QuestionsFor();
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            if (OnboardingQuestions.Known(question, artist) is { } value)
            {
                known[question.Id] = value;
            }
        }

        var state = new OnboardingState(questions, new Dictionary<string, string>(session.Answers, StringComparer.Ordinal), known);
        var pushKey = string.IsNullOrWhiteSpace(push.Value.PublicKey) ? null : push.Value.PublicKey;
        if (session.CompletedAt is { } completed)
        {
            return new OnboardingView(LandingStatus.Ready, token, language, artist.Name.Value, null, plans, completed - session.StartedAt, state, pushKey);
        }

        var applicable = OnboardingQuestions.Applicable(questions, session.Answers);
        var next = OnboardingQuestions.Next(questions, session.Answers)!;
        var number = applicable.TakeWhile(q => q.Id != next.Id).Count() + 1;
        var step = new OnboardingStep(next, known.GetValueOrDefault(next.Id), typed, error, number, applicable.Count);
        return new OnboardingView(LandingStatus.Ready, token, language, artist.Name.Value, step, plans, null, state, pushKey);
    }

    private IReadOnlyList<Question> QuestionsFor() => OnboardingQuestions.For([.. outreach.Value.Offers.Select(o => o.Id)]);

    private List<PlanChoice> PlansFor(Artist artist) => PlansFor(outreach.Value, artist);

    /// <summary>The offers, each priced in the artist's currency (their market's, else the default).</summary>
    internal static List<PlanChoice> PlansFor(OutreachOptions settings, Artist artist)
    {
        return [.. settings.Offers.Select(o => settings.Offer(o.Id)).Select(o => new PlanChoice(o.Id, o.Name, settings.PriceFor(o, artist.Country?.Value)!, o.Period))];
    }

    /// <summary>The artist's session; the first look starts it and journals the signup.</summary>
    private async Task<OnboardingSession> SessionOfAsync(Artist artist, CancellationToken cancellationToken)
    {
        if (await sessions.GetAsync(SessionsName, artist.Id.Value, cancellationToken) is { } row
            && JsonSerializer.Deserialize<OnboardingSession>(row.Json) is { } existing)
        {
            return existing;
        }

        var now = time.GetUtcNow();
        var session = new OnboardingSession(artist.Id.Value, now, []);
        await SaveAsync(session, cancellationToken);
        var sent = (await messages.ListByArtistAsync(artist.Id, cancellationToken)).MaxBy(m => m.CreatedAt);
        var settings = outreach.Value;
        var offer = settings.Campaigns.FirstOrDefault(c => c.Id == sent?.CampaignId)?.OfferId ?? settings.Campaigns.FirstOrDefault()?.OfferId ?? settings.Offers[0].Id;
        await journal.AppendAsync([new OnboardingStarted(artist.Id.Value, now, offer)], cancellationToken);
        return session;
    }

    private Task SaveAsync(OnboardingSession session, CancellationToken cancellationToken) =>
        sessions.SaveAsync(SessionsName, [new ReadModelRow(session.ArtistId, JsonSerializer.Serialize(session), 0)], 0, cancellationToken);

    private Task<(LandingStatus Status, Artist? Artist)> ArtistOfAsync(string? token, CancellationToken cancellationToken) =>
        LandingLinks.ArtistOfAsync(links, artists, token, cancellationToken);
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Landing;
using MonaSpark.Application.Outreach;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Projections;
using MonaSpark.Application.Resolution;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Commerce;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Onboarding;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Application.Portal;

/// <summary>
/// The signed-in customer's portal: their account (the <see cref="CustomerAccountsProjection"/> row and
/// their onboarding session), a plan change (<see cref="PlanChangeRequested"/>), an erasure request
/// (<see cref="ErasureRequested"/>, once; the erasure itself is a later issue) and the export of
/// everything held about them. Every method takes the artist of a verified session.
/// </summary>
public sealed class CustomerPortal(
    IArtistStore artists,
    IReadModelStore readModels,
    IOutreachMessageStore messages,
    IContactRegistry contacts,
    IJournal journal,
    PortalTokens tokens,
    IOptions<OutreachOptions> outreach,
    TimeProvider time)
{
    /// <summary>A syntactically valid address that is never anyone's: standings are read for their consents and objections.</summary>
    private const string NoAddress = "nobody@portal.invalid";

    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The page's content; null when the artist is gone.</summary>
    public async Task<PortalView?> LoadAsync(ArtistId artistId, string session, CancellationToken cancellationToken = default)
    {
        var artist = await artists.GetSurvivorAsync(artistId, cancellationToken);
        if (artist is null)
        {
            return null;
        }

        var (account, onboarding) = await ReadAsync(artist.Id, cancellationToken);
        var plans = PlansFor(artist);
        var current = plans.FirstOrDefault(p => p.Id == account?.PlanId);
        var subscription = new PortalSubscription(account?.Subscription ?? CustomerAccount.None, current, account?.ActiveSince);
        var invoices = (account?.Invoices ?? []).Select(i => new PortalInvoice(i.Id, i.At, new Money(i.AmountMinor, new CurrencyCode(i.Currency)))).ToList();
        return new PortalView(
            CopyLanguage.ForMarket(artist.Country?.Value),
            artist.Name.Value,
            Onboarding(onboarding, account),
            subscription,
            invoices,
            plans,
            account?.RequestedPlanId,
            account?.ErasureRequestedAt,
            tokens.Csrf(session));
    }

    /// <summary>
    /// A fingerprint of what the live updates watch (the account row and the onboarding session): two
    /// point reads, no rendering. It changes when a payment lands or an onboarding answer is saved.
    /// </summary>
    public async Task<string> FingerprintAsync(ArtistId artistId, CancellationToken cancellationToken = default)
    {
        var account = await readModels.GetAsync(CustomerAccountsProjection.ProjectionName, artistId.Value, cancellationToken);
        var session = await readModels.GetAsync(OnboardingForms.SessionsName, artistId.Value, cancellationToken);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{account?.Json}\n{session?.Json}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    /// <summary>Journals a plan change to <paramref name="offerId"/>; false when it is not an offer we sell.</summary>
    public async Task<bool> ChangePlanAsync(ArtistId artistId, string? offerId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(offerId) || !outreach.Value.Offers.Any(o => o.Id == offerId))
        {
            return false;
        }

        var (account, _) = await ReadAsync(artistId, cancellationToken);
        await journal.AppendAsync([new PlanChangeRequested(artistId.Value, time.GetUtcNow(), account?.PlanId, offerId)], cancellationToken);
        return true;
    }

    /// <summary>Journals the erasure request (once: a pending request is not repeated).</summary>
    public async Task RequestErasureAsync(ArtistId artistId, CancellationToken cancellationToken = default)
    {
        var (account, _) = await ReadAsync(artistId, cancellationToken);
        if (account?.ErasureRequestedAt is null)
        {
            await journal.AppendAsync([new ErasureRequested(artistId.Value, time.GetUtcNow(), "portal")], cancellationToken);
        }
    }

    /// <summary>
    /// Everything held about the artist, as JSON: the profile with its contact points and their sources,
    /// consents and objections, the messages sent or drafted, the onboarding answers, the account and the
    /// journal's events of their stream. Reads the whole journal: an export is rare.
    /// </summary>
    public async Task<byte[]?> ExportAsync(ArtistId artistId, CancellationToken cancellationToken = default)
    {
        var artist = await artists.GetSurvivorAsync(artistId, cancellationToken);
        if (artist is null)
        {
            return null;
        }

        var standing = await contacts.GetStandingAsync(artist.Id, NoAddress, DateTimeOffset.UnixEpoch, cancellationToken);
        var (account, onboarding) = await ReadAsync(artist.Id, cancellationToken);
        var events = new List<DomainEvent>();
        long after = 0;
        while (await journal.ReadAsync(after, ProjectionRunner.PageSize, cancellationToken) is { Count: > 0 } page)
        {
            events.AddRange(page.Select(e => e.Event).Where(e => e.StreamId == artist.Id.Value || artist.MergedFrom.Any(m => m.Value == e.StreamId)));
            after = page[^1].Position;
        }

        var export = new PortalExport(
            time.GetUtcNow(),
            artist,
            artist.ContactPoints,
            standing.Consents,
            standing.OptOuts,
            await messages.ListByArtistAsync(artist.Id, cancellationToken),
            onboarding,
            account,
            events);
        return JsonSerializer.SerializeToUtf8Bytes(export, ExportJson);
    }

    private async Task<(CustomerAccount? Account, OnboardingSession? Onboarding)> ReadAsync(ArtistId artistId, CancellationToken cancellationToken)
    {
        var account = await readModels.GetAsync(CustomerAccountsProjection.ProjectionName, artistId.Value, cancellationToken);
        var session = await readModels.GetAsync(OnboardingForms.SessionsName, artistId.Value, cancellationToken);
        return (CustomerAccount.Parse(account?.Json), session is null ? null : JsonSerializer.Deserialize<OnboardingSession>(session.Json));
    }

    private PortalOnboarding Onboarding(OnboardingSession? session, CustomerAccount? account)
    {
        if (session is null)
        {
            // No session on this store (signed up elsewhere, or the session was purged): the journal's record stands.
            return account?.OnboardingDuration is { } took ? new PortalOnboarding(PortalOnboarding.Completed, Took: took) : new PortalOnboarding(PortalOnboarding.NotStarted);
        }

        if (session.CompletedAt is { } completed)
        {
            return new PortalOnboarding(PortalOnboarding.Completed, Took: completed - session.StartedAt);
        }

        var questions = OnboardingQuestions.For([.. outreach.Value.Offers.Select(o => o.Id)]);
        var applicable = OnboardingQuestions.Applicable(questions, session.Answers);
        var next = OnboardingQuestions.Next(questions, session.Answers);
        var step = next is null ? applicable.Count : applicable.TakeWhile(q => q.Id != next.Id).Count() + 1;
        return new PortalOnboarding(PortalOnboarding.InProgress, step, applicable.Count);
    }

    private List<PlanChoice> PlansFor(Artist artist) => OnboardingForms.PlansFor(outreach.Value, artist);
}

/// <summary>The GDPR export's document (art. 15 and 20): everything held about one artist.</summary>
public sealed record PortalExport(
    DateTimeOffset ExportedAt,
    Artist Profile,
    IReadOnlyList<ContactPoint> ContactPoints,
    IReadOnlyList<Consent> Consents,
    IReadOnlyList<Domain.Outreach.Policies.OptOut> Objections,
    IReadOnlyList<Message> Messages,
    OnboardingSession? Onboarding,
    CustomerAccount? Account,
    IReadOnlyList<DomainEvent> Events);

using System.Globalization;
using System.Text.Json;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;

namespace MonaSpark.Application.Projections;

/// <summary>
/// The customer's account per artist (key: artist id), what the portal shows: where onboarding stands
/// (started, completed and how long it took), the subscription (none, checkout open, active) and its
/// plan, every payment as an invoice, a requested plan change and a requested erasure. An erasure
/// leaves only the fact that it happened.
/// </summary>
public sealed class CustomerAccountsProjection : IProjection
{
    public const string ProjectionName = "customer-accounts";

    public string Name => ProjectionName;

    public IEnumerable<string> KeysOf(DomainEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e is OnboardingStarted or SignupCompleted or CheckoutOpened or CheckoutVoided or PaymentSucceeded or PlanChangeRequested or ErasureRequested or DataErased)
        {
            yield return e.StreamId;
        }
    }

    public string Apply(string key, string? json, JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var account = json is null ? new CustomerAccount(key) : JsonSerializer.Deserialize<CustomerAccount>(json, CustomerAccount.Json)!;
        account = entry.Event switch
        {
            OnboardingStarted s => account with { OnboardingStartedAt = account.OnboardingStartedAt ?? s.OccurredAt, PlanId = account.PlanId ?? s.OfferId },
            SignupCompleted c => account with { SignedUpAt = c.OccurredAt, OnboardingDuration = c.Duration, PlanId = account.Subscription == CustomerAccount.Active ? account.PlanId : c.OfferId },
            CheckoutOpened o when account.Subscription != CustomerAccount.Active => account with { Subscription = CustomerAccount.Pending, CheckoutId = o.CheckoutId, PlanId = o.OfferId },
            CheckoutVoided v when account.Subscription == CustomerAccount.Pending && account.CheckoutId == v.CheckoutId => account with { Subscription = CustomerAccount.None, CheckoutId = null },
            PaymentSucceeded p => account with
            {
                Subscription = CustomerAccount.Active,
                ActiveSince = account.ActiveSince ?? p.OccurredAt,
                CheckoutId = null,
                Invoices = [.. account.Invoices, new CustomerInvoice(InvoiceId(entry.Position), p.OccurredAt, p.AmountMinor, p.Currency, p.SubscriptionId)],
            },
            PlanChangeRequested r => account with { RequestedPlanId = r.OfferId == account.PlanId ? null : r.OfferId, RequestedPlanAt = r.OccurredAt },
            ErasureRequested e => account with { ErasureRequestedAt = account.ErasureRequestedAt ?? e.OccurredAt },
            DataErased d => new CustomerAccount(key) { Subscription = CustomerAccount.Erased, ErasureRequestedAt = d.OccurredAt },
            _ => account,
        };
        return JsonSerializer.Serialize(account, CustomerAccount.Json);
    }

    /// <summary>The invoice number of the payment at a journal position: the same journal gives the same numbers on a rebuild.</summary>
    private static string InvoiceId(long position) => string.Create(CultureInfo.InvariantCulture, $"INV-{position:D8}");
}

/// <summary>A customer's account as the portal shows it (a row of <see cref="CustomerAccountsProjection"/>).</summary>
/// <param name="Subscription"><see cref="None"/>, <see cref="Pending"/> (a checkout is open), <see cref="Active"/> or <see cref="Erased"/>.</param>
public sealed record CustomerAccount(
    string ArtistId,
    DateTimeOffset? OnboardingStartedAt = null,
    DateTimeOffset? SignedUpAt = null,
    TimeSpan? OnboardingDuration = null,
    string? PlanId = null,
    string Subscription = CustomerAccount.None,
    string? CheckoutId = null,
    DateTimeOffset? ActiveSince = null,
    string? RequestedPlanId = null,
    DateTimeOffset? RequestedPlanAt = null,
    DateTimeOffset? ErasureRequestedAt = null)
{
    public const string None = "none";
    public const string Pending = "pending";
    public const string Active = "active";
    public const string Erased = "erased";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<CustomerInvoice> Invoices { get; init; } = [];

    public static CustomerAccount? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<CustomerAccount>(json, Json);
}

/// <summary>One payment: its invoice number, date, amount in minor units of its currency, and the subscription it paid.</summary>
public sealed record CustomerInvoice(string Id, DateTimeOffset At, long AmountMinor, string Currency, string SubscriptionId);

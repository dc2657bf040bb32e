using System.Text.Json;
using MonaSpark.Application.Portal;
using MonaSpark.Application.Projections;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;

namespace MonaSpark.Application.Tests.Portal;

/// <summary>The account the portal shows (the customer-accounts projection), plan change, erasure request and export.</summary>
public sealed class CustomerPortalTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private readonly PortalHarness _harness = new(Now);

    public void Dispose() => _harness.Dispose();

    private async Task CatchUpAsync() =>
        await new ProjectionRunner(_harness.Outreach.Journal, _harness.Outreach.ReadModels, [new CustomerAccountsProjection()]).CatchUpAllAsync();

    private async Task<Artist> PayingCustomerAsync()
    {
        var artist = await _harness.Outreach.AddArtistAsync();
        var id = artist.Id.Value;
        await _harness.Outreach.Journal.AppendAsync(
        [
            new OnboardingStarted(id, Now, "spark-monthly"),
            new SignupCompleted(id, Now.AddSeconds(92), "spark-monthly", TimeSpan.FromSeconds(92)),
            new CheckoutOpened(id, Now.AddSeconds(95), "cs_1", "spark-monthly", 1_900, "EUR"),
            new PaymentSucceeded(id, Now.AddMinutes(3), "sub_1", 1_900, "EUR"),
        ]);
        await CatchUpAsync();
        return artist;
    }

    [Fact]
    public async Task Load_NothingYet_NotStartedAndNoSubscription()
    {
        var artist = await _harness.Outreach.AddArtistAsync();

        var view = (await _harness.Portal().LoadAsync(artist.Id, "session"))!;

        view.Language.ShouldBe("fr");
        view.Onboarding.State.ShouldBe(PortalOnboarding.NotStarted);
        view.Subscription.Status.ShouldBe(CustomerAccount.None);
        view.Invoices.ShouldBeEmpty();
        view.Plans.Select(p => p.Price.Currency.Value).ShouldBe(["EUR", "EUR"]);
        view.Csrf.ShouldBe(_harness.Tokens().Csrf("session"));
    }

    [Fact]
    public async Task Load_APayingCustomer_CompletedActiveWithTheInvoice()
    {
        var artist = await PayingCustomerAsync();

        var view = (await _harness.Portal().LoadAsync(artist.Id, "session"))!;

        view.Onboarding.ShouldBe(new PortalOnboarding(PortalOnboarding.Completed, Took: TimeSpan.FromSeconds(92)));
        view.Subscription.Status.ShouldBe(CustomerAccount.Active);
        view.Subscription.Plan!.Id.ShouldBe("spark-monthly");
        view.Subscription.Since.ShouldBe(Now.AddMinutes(3));
        var invoice = view.Invoices.ShouldHaveSingleItem();
        invoice.At.ShouldBe(Now.AddMinutes(3));
        invoice.Amount.MinorUnits.ShouldBe(1_900);
        invoice.Amount.Currency.Value.ShouldBe("EUR");
        invoice.Id.ShouldStartWith("INV-");
    }

    [Fact]
    public async Task Projection_Rebuilt_GivesTheSameRows()
    {
        var artist = await PayingCustomerAsync();
        var before = (await _harness.Outreach.ReadModels.GetAsync(CustomerAccountsProjection.ProjectionName, artist.Id.Value))!.Json;

        await new ProjectionRunner(_harness.Outreach.Journal, _harness.Outreach.ReadModels, []).RebuildAsync(new CustomerAccountsProjection());

        (await _harness.Outreach.ReadModels.GetAsync(CustomerAccountsProjection.ProjectionName, artist.Id.Value))!.Json.ShouldBe(before);
    }

    [Fact]
    public async Task FingerprintChanges_WhenAPaymentLands()
    {
        var artist = await PayingCustomerAsync();
        var sut = _harness.Portal();
        var before = await sut.FingerprintAsync(artist.Id);

        await _harness.Outreach.Journal.AppendAsync([new PaymentSucceeded(artist.Id.Value, Now.AddDays(30), "sub_1", 1_900, "EUR")]);
        await CatchUpAsync();

        (await sut.FingerprintAsync(artist.Id)).ShouldNotBe(before);
        (await sut.LoadAsync(artist.Id, "s"))!.Invoices.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ChangePlan_AnOffer_JournalledAndShownAsRequested()
    {
        var artist = await PayingCustomerAsync();
        var sut = _harness.Portal();

        (await sut.ChangePlanAsync(artist.Id, "no-such-plan")).ShouldBeFalse();
        (await sut.ChangePlanAsync(artist.Id, null)).ShouldBeFalse();
        (await sut.ChangePlanAsync(artist.Id, "spark-yearly")).ShouldBeTrue();
        await CatchUpAsync();

        var requested = (await _harness.Outreach.EventsAsync<PlanChangeRequested>()).ShouldHaveSingleItem();
        requested.ShouldBe(new PlanChangeRequested(artist.Id.Value, Now, "spark-monthly", "spark-yearly"));
        (await sut.LoadAsync(artist.Id, "s"))!.RequestedPlanId.ShouldBe("spark-yearly");
    }

    [Fact]
    public async Task RequestErasure_Twice_JournalledOnceAndPending()
    {
        var artist = await PayingCustomerAsync();
        var sut = _harness.Portal();

        await sut.RequestErasureAsync(artist.Id);
        await CatchUpAsync();
        await sut.RequestErasureAsync(artist.Id);

        (await _harness.Outreach.EventsAsync<ErasureRequested>()).ShouldHaveSingleItem().Via.ShouldBe("portal");
        (await sut.LoadAsync(artist.Id, "s"))!.ErasureRequestedAt.ShouldBe(Now);
    }

    [Fact]
    public async Task Export_HoldsProfileContactsMessagesAccountAndEvents()
    {
        var artist = await PayingCustomerAsync();
        await _harness.Outreach.AddMessageAsync(artist);
        await _harness.Outreach.Journal.AppendAsync([new LinkClicked("art-someone-else", Now, "m")]);

        using var json = JsonDocument.Parse((await _harness.Portal().ExportAsync(artist.Id))!);
        var root = json.RootElement;

        root.GetProperty("profile").GetProperty("id").ToString().ShouldContain(artist.Id.Value);
        root.GetProperty("contactPoints").EnumerateArray().Select(c => c.GetProperty("address").GetString()).ShouldContain("booking@luna.example");
        root.GetProperty("messages").GetArrayLength().ShouldBe(1);
        root.GetProperty("account").GetProperty("subscription").GetString().ShouldBe("active");
        root.TryGetProperty("consents", out _).ShouldBeTrue();
        root.TryGetProperty("objections", out _).ShouldBeTrue();
        var events = root.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        events.ShouldBe(["OnboardingStarted", "SignupCompleted", "CheckoutOpened", "PaymentSucceeded"]);
    }
}

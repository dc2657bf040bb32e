using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Outreach.Policies;
using Shouldly;
using Xunit;

namespace MonaSpark.TestKit;

/// <summary>The behaviour every <see cref="IContactRegistry"/> adapter must show.</summary>
public abstract class ContactRegistryContract : IAsyncLifetime
{
    private static readonly ArtistId Luna = new("art-luna1");
    private static readonly ArtistId Other = new("art-other1");

    private IContactRegistry? _sut;
    private IJournal? _journal;

    protected IContactRegistry Sut => _sut ?? throw new InvalidOperationException("Not initialised.");

    protected IJournal Journal => _journal ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<(IContactRegistry Registry, IJournal Journal)> CreateAsync();

    public async Task InitializeAsync() => (_sut, _journal) = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private Task<ContactStanding> StandingAsync(ArtistId? artist = null, string address = "booking@luna.example") =>
        Sut.GetStandingAsync(artist ?? Luna, address, Samples.Epoch.AddDays(-7));

    [Fact]
    public async Task Nothing_KnownNothing()
    {
        var standing = await StandingAsync();

        standing.Consents.ShouldBeEmpty();
        standing.OptOuts.ShouldBeEmpty();
        standing.Suppressed.ShouldBeFalse();
        standing.SentSince.ShouldBeEmpty();
    }

    [Fact]
    public async Task RecordConsent_ThenStanding_InOrder_WithItsEvents_Once()
    {
        var granted = new Consent(Luna, ContactChannel.Sms, ConsentStatus.Granted, LawfulBasis.Consent, "form:onboarding", Samples.Epoch.AddDays(-3));
        var withdrawn = granted with { Status = ConsentStatus.Withdrawn, Evidence = "reply:STOP", DecidedAt = Samples.Epoch.AddDays(-1) };
        var optedOut = new OptedOut(Luna.Value, withdrawn.DecidedAt, ContactChannel.Sms, "sms-stop");

        await Sut.RecordConsentAsync(withdrawn, [optedOut]);
        await Sut.RecordConsentAsync(granted, []);
        await Sut.RecordConsentAsync(withdrawn, [optedOut]); // the same decision again

        (await StandingAsync()).Consents.ShouldBe([granted, withdrawn]);
        (await Journal.AllEventsAsync()).ShouldHaveSingleItem().ShouldBe(optedOut);
        (await StandingAsync(Other)).Consents.ShouldBeEmpty();
    }

    [Fact]
    public async Task RecordOptOut_OneChannelAndAll()
    {
        await Sut.RecordOptOutAsync(Luna, new OptOut(ContactChannel.Email, Samples.Epoch.AddHours(-2)), [new OptedOut(Luna.Value, Samples.Epoch.AddHours(-2), ContactChannel.Email, "unsubscribe-link")]);
        await Sut.RecordOptOutAsync(Luna, new OptOut(null, Samples.Epoch.AddHours(-1)), []);

        (await StandingAsync()).OptOuts.ShouldBe([new OptOut(ContactChannel.Email, Samples.Epoch.AddHours(-2)), new OptOut(null, Samples.Epoch.AddHours(-1))]);
        (await Journal.AllEventsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Suppress_AnAddress_WhateverItsCase_ForEveryone()
    {
        await Sut.SuppressAsync(" Booking@Luna.example ", "hard-bounce", Samples.Epoch);
        await Sut.SuppressAsync("booking@luna.example", "complaint", Samples.Epoch.AddDays(1));

        (await StandingAsync()).Suppressed.ShouldBeTrue();
        (await StandingAsync(Other, "BOOKING@luna.example")).Suppressed.ShouldBeTrue();
        (await StandingAsync(address: "+33600000000")).Suppressed.ShouldBeFalse();
    }

    [Fact]
    public async Task RecordSend_OncePerMessage_SinceTheGivenTime()
    {
        await Sut.RecordSendAsync(Luna, "msg-old", ContactChannel.Email, Samples.Epoch.AddDays(-10));
        await Sut.RecordSendAsync(Luna, "msg-1", ContactChannel.Email, Samples.Epoch.AddDays(-2));
        await Sut.RecordSendAsync(Luna, "msg-2", ContactChannel.Sms, Samples.Epoch.AddDays(-1));
        await Sut.RecordSendAsync(Luna, "msg-2", ContactChannel.Sms, Samples.Epoch.AddDays(-1));

        (await StandingAsync()).SentSince.ShouldBe([Samples.Epoch.AddDays(-2), Samples.Epoch.AddDays(-1)]);
        (await StandingAsync(Other)).SentSince.ShouldBeEmpty();
    }
}

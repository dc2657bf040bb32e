using MonaSpark.Application.Portal;
using MonaSpark.Application.Tests.Outreach;

namespace MonaSpark.Application.Tests.Portal;

/// <summary>Magic-link sign-in: the same answer for strangers, the hourly allowance per address, expiry, single use and replay.</summary>
public sealed class PortalSignInTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private readonly PortalHarness _harness = new(Now);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task RequestLink_KnownAddress_EmailsOneTransactionalLinkWithoutPersonalData()
    {
        var artist = await _harness.Outreach.AddArtistAsync();

        var outcome = await _harness.SignIn().RequestLinkAsync("  Booking@Luna.Example ");

        outcome.ShouldBe(SignInOutcome.Sent);
        var mail = _harness.Sent.ShouldHaveSingleItem();
        mail.Transactional.ShouldBeTrue();
        mail.UnsubscribeUrl.ShouldBeNull();
        mail.Recipient.ShouldBe(OutreachHarness.Email);
        mail.Language.ShouldBe("fr");
        mail.Body.ShouldContain("https://monaspark.example/portal/enter?t=");
        var token = _harness.LastLinkToken();
        token.ShouldNotContain("luna", Case.Insensitive);
        token.ShouldNotContain("@");
        _harness.Tokens().ReadLink(token)!.Value.Artist.ShouldBe(artist.Id);
    }

    [Fact]
    public async Task RequestLink_UnknownAddress_SendsNothing_AndIsThrottledLikeAKnownOne()
    {
        await _harness.Outreach.AddArtistAsync();

        var sut = _harness.SignIn();

        (await sut.RequestLinkAsync("someone@else.example")).ShouldBe(SignInOutcome.UnknownAddress);
        (await sut.RequestLinkAsync("someone@else.example")).ShouldBe(SignInOutcome.UnknownAddress);
        (await sut.RequestLinkAsync("someone@else.example")).ShouldBe(SignInOutcome.UnknownAddress);
        (await sut.RequestLinkAsync("someone@else.example")).ShouldBe(SignInOutcome.TooMany);
        _harness.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task RequestLink_OverTheHourlyAllowance_SendsNoMoreUntilTheNextHour()
    {
        await _harness.Outreach.AddArtistAsync();
        var sut = _harness.SignIn();

        for (var i = 0; i < 3; i++)
        {
            (await sut.RequestLinkAsync(OutreachHarness.Email)).ShouldBe(SignInOutcome.Sent);
        }

        (await sut.RequestLinkAsync(OutreachHarness.Email)).ShouldBe(SignInOutcome.TooMany);
        (await sut.RequestLinkAsync(OutreachHarness.Email.ToUpperInvariant())).ShouldBe(SignInOutcome.TooMany);
        _harness.Sent.Count.ShouldBe(3);

        _harness.Outreach.Time.Advance(TimeSpan.FromHours(1));
        (await sut.RequestLinkAsync(OutreachHarness.Email)).ShouldBe(SignInOutcome.Sent);
    }

    [Fact]
    public async Task Enter_ALink_SignsInOnce_AndAReplayIsRefused()
    {
        var artist = await _harness.Outreach.AddArtistAsync();
        var sut = _harness.SignIn();
        await sut.RequestLinkAsync(OutreachHarness.Email);
        var token = _harness.LastLinkToken();

        sut.Check(token).ShouldBe(LinkState.Valid);
        var (state, session, expiresAt) = await sut.EnterAsync(token);
        var replay = await sut.EnterAsync(token);

        state.ShouldBe(LinkState.Valid);
        expiresAt.ShouldBe(Now.AddHours(12));
        sut.SignedIn(session).ShouldBe(artist.Id);
        replay.State.ShouldBe(LinkState.Used);
        replay.Session.ShouldBeNull();
    }

    [Fact]
    public async Task Enter_AfterFifteenMinutes_Expired()
    {
        await _harness.Outreach.AddArtistAsync();
        var sut = _harness.SignIn();
        await sut.RequestLinkAsync(OutreachHarness.Email);
        var token = _harness.LastLinkToken();

        _harness.Outreach.Time.Advance(TimeSpan.FromMinutes(15));

        sut.Check(token).ShouldBe(LinkState.Expired);
        (await sut.EnterAsync(token)).State.ShouldBe(LinkState.Expired);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c.d")]
    public async Task Enter_NotOurs_Invalid(string? token) =>
        (await _harness.SignIn().EnterAsync(token)).State.ShouldBe(LinkState.Invalid);

    [Fact]
    public async Task Enter_ATamperedLink_Invalid()
    {
        await _harness.Outreach.AddArtistAsync();
        var sut = _harness.SignIn();
        await sut.RequestLinkAsync(OutreachHarness.Email);
        var parts = _harness.LastLinkToken().Split('.');
        parts[1] = "art-0000000000000000000";

        (await sut.EnterAsync(string.Join('.', parts))).State.ShouldBe(LinkState.Invalid);
    }

    [Fact]
    public async Task Session_AfterItsLifetime_NoLongerSignedIn()
    {
        await _harness.Outreach.AddArtistAsync();
        var sut = _harness.SignIn();
        await sut.RequestLinkAsync(OutreachHarness.Email);
        var (_, session, _) = await sut.EnterAsync(_harness.LastLinkToken());

        _harness.Outreach.Time.Advance(TimeSpan.FromHours(12));

        sut.SignedIn(session).ShouldBeNull();
        sut.SignedIn(session + "x").ShouldBeNull();
    }

    [Fact]
    public async Task RequestLink_TheOnboardingEmailAnswer_FindsTheArtist()
    {
        var artist = await _harness.Outreach.AddArtistAsync();
        var forms = new Landing.OnboardingForms(
            _harness.Outreach.LinkTokens(),
            _harness.Outreach.Artists,
            _harness.Outreach.Messages,
            _harness.Outreach.ReadModels,
            _harness.Outreach.Journal,
            _harness.Outreach.OneTime,
            Microsoft.Extensions.Options.Options.Create(_harness.Outreach.OutreachOptions),
            Microsoft.Extensions.Options.Options.Create(new Landing.WebPushOptInOptions()),
            _harness.Outreach.Time);
        var token = _harness.Outreach.LinkTokens().Mint(artist.Id, Now.AddDays(30));
        await forms.GetAsync(token);
        foreach (var (question, answer) in new[] { ("name", "Luna"), ("act", "solo"), ("deal", "independent"), ("genre", "pop"), ("country", "FR"), ("goal", "fans"), ("email", "Luna.Private@Mail.Example") })
        {
            (await forms.AnswerAsync(token, question, answer)).Step!.Error.ShouldBeNull(question);
        }

        (await _harness.SignIn().RequestLinkAsync("luna.private@mail.example")).ShouldBe(SignInOutcome.Sent);

        _harness.Sent.ShouldHaveSingleItem().Recipient.ShouldBe("luna.private@mail.example");
        (await _harness.Outreach.ReadModels.ListAsync(PortalSignIn.AddressesName, 10)).ShouldHaveSingleItem().Key.ShouldNotContain("luna");
    }
}

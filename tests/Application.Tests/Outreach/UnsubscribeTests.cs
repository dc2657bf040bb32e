using MonaSpark.Application.Outreach;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach.Links;
using MonaSpark.Domain.Outreach.Policies;
using MonaSpark.TestKit;

namespace MonaSpark.Application.Tests.Outreach;

/// <summary>The unsubscribe link's use case over the real SQLite contact registry and journal.</summary>
public sealed class UnsubscribeTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private readonly OutreachHarness _harness = new(Now);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task UnsubscribeAsync_ValidToken_ObjectsOnEveryChannel()
    {
        var artist = Samples.Artist();
        var token = LinkToken.Mint(artist.Id, Now.AddDays(30), OutreachHarness.SigningKey);

        var reading = await _harness.Unsubscribe().UnsubscribeAsync(token, Unsubscribe.ViaOneClick);

        reading.ShouldBe(new LinkTokenReading(LinkTokenStatus.Valid, artist.Id, Now.AddDays(30)));
        (await _harness.StandingAsync(artist.Id)).OptOuts.ShouldBe([new OptOut(null, Now)]);
        (await _harness.EventsAsync()).ShouldBe([new OptedOut(artist.Id.Value, Now, null, Unsubscribe.ViaOneClick)]);
    }

    [Fact]
    public async Task UnsubscribeAsync_ValidToken_LaterSendsRefusedOnEveryChannel()
    {
        var artist = await _harness.AddArtistAsync();
        var email = await _harness.AddMessageAsync(artist);
        var sms = await _harness.AddMessageAsync(artist, "send-2", ContactChannel.Sms);
        var token = LinkToken.Mint(artist.Id, Now.AddDays(30), OutreachHarness.SigningKey);

        await _harness.Unsubscribe().UnsubscribeAsync(token, Unsubscribe.ViaPage);
        var sut = _harness.SendOutreachMessage();

        (await sut.SendAsync(email.Id)).Reasons.ShouldBe([SendRefusals.OptedOut]);
        (await sut.SendAsync(sms.Id)).Reasons.ShouldBe([SendRefusals.OptedOut]);
        _harness.EmailChannel.Calls.ShouldBe(0);
        _harness.SmsChannel.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task UnsubscribeAsync_ExpiredToken_StillRecorded()
    {
        var artist = Samples.Artist();
        var token = LinkToken.Mint(artist.Id, Now.AddDays(-400), OutreachHarness.SigningKey);

        var reading = await _harness.Unsubscribe().UnsubscribeAsync(token, Unsubscribe.ViaPage);

        reading.Status.ShouldBe(LinkTokenStatus.Expired);
        (await _harness.StandingAsync(artist.Id)).OptOuts.ShouldBe([new OptOut(null, Now)]);
        (await _harness.EventsAsync()).ShouldBe([new OptedOut(artist.Id.Value, Now, null, Unsubscribe.ViaPage)]);
    }

    [Fact]
    public async Task UnsubscribeAsync_SignedWithThePreviousKey_Recorded()
    {
        var artist = Samples.Artist();
        var token = LinkToken.Mint(artist.Id, Now.AddDays(30), OutreachHarness.SigningKey);
        _harness.LinkSigning.PreviousSigningKey = _harness.LinkSigning.SigningKey;
        _harness.LinkSigning.SigningKey = Convert.ToBase64String([.. Enumerable.Range(200, 32).Select(i => (byte)i)]);

        var reading = await _harness.Unsubscribe().UnsubscribeAsync(token, Unsubscribe.ViaPage);

        reading.Status.ShouldBe(LinkTokenStatus.Valid);
        (await _harness.StandingAsync(artist.Id)).OptOuts.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task UnsubscribeAsync_InvalidToken_NothingRecorded(string? token)
    {
        var reading = await _harness.Unsubscribe().UnsubscribeAsync(token, Unsubscribe.ViaOneClick);

        reading.ShouldBe(LinkTokenReading.Invalid);
        (await _harness.EventsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task UnsubscribeAsync_TokenOfAnotherKey_NothingRecorded()
    {
        var artist = Samples.Artist();
        var token = LinkToken.Mint(artist.Id, Now.AddDays(30), [.. Enumerable.Range(50, 32).Select(i => (byte)i)]);

        (await _harness.Unsubscribe().UnsubscribeAsync(token, Unsubscribe.ViaOneClick)).Authentic.ShouldBeFalse();

        (await _harness.StandingAsync(artist.Id)).OptOuts.ShouldBeEmpty();
        (await _harness.EventsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task UnsubscribeAsync_Twice_OneObjectionAndOneEvent()
    {
        var artist = Samples.Artist();
        var token = LinkToken.Mint(artist.Id, Now.AddDays(30), OutreachHarness.SigningKey);

        await _harness.Unsubscribe().UnsubscribeAsync(token, Unsubscribe.ViaPage);
        _harness.Time.Advance(TimeSpan.FromMinutes(3));
        var again = await _harness.Unsubscribe().UnsubscribeAsync(token, Unsubscribe.ViaOneClick);

        again.Authentic.ShouldBeTrue();
        (await _harness.StandingAsync(artist.Id)).OptOuts.ShouldBe([new OptOut(null, Now)]);
        (await _harness.EventsAsync()).ShouldBe([new OptedOut(artist.Id.Value, Now, null, Unsubscribe.ViaPage)]);
    }

    [Fact]
    public async Task UnsubscribeAsync_AfterAnSmsStop_StillObjectsOnEveryChannel()
    {
        var artist = Samples.Artist();
        await _harness.Contacts.RecordOptOutAsync(artist.Id, new OptOut(ContactChannel.Sms, Now.AddDays(-1)), []);
        var token = LinkToken.Mint(artist.Id, Now.AddDays(30), OutreachHarness.SigningKey);

        await _harness.Unsubscribe().UnsubscribeAsync(token, Unsubscribe.ViaPage);

        (await _harness.StandingAsync(artist.Id)).OptOuts.ShouldBe([new OptOut(ContactChannel.Sms, Now.AddDays(-1)), new OptOut(null, Now)]);
    }

    [Fact]
    public async Task Read_TellsWhoseLinkAndChangesNothing()
    {
        var artist = Samples.Artist();
        var token = LinkToken.Mint(artist.Id, Now.AddDays(30), OutreachHarness.SigningKey);

        _harness.Unsubscribe().Read(token).ShouldBe(new LinkTokenReading(LinkTokenStatus.Valid, artist.Id, Now.AddDays(30)));
        _harness.Unsubscribe().Read(token + "x").ShouldBe(LinkTokenReading.Invalid);

        (await _harness.StandingAsync(artist.Id)).OptOuts.ShouldBeEmpty();
        (await _harness.EventsAsync()).ShouldBeEmpty();
    }
}

using MonaSpark.Application.Outreach;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Application.Tests.Outreach;

/// <summary>Sends as work items: how an attempt is named, run, and given up on.</summary>
public sealed class QueuedSendTests : IDisposable
{
    private static readonly DateTimeOffset Afternoon = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private readonly OutreachHarness _harness = new(Afternoon);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Item_NamesTheAttempt_AndParsesBack()
    {
        var item = OutreachSends.Item("journey-art-1:m0:Email", 2);

        item.ShouldBe(new WorkItem("send:journey-art-1:m0:Email#2", WorkKinds.SendMessage, "journey-art-1:m0:Email#2"));
        OutreachSends.Parse(item).ShouldBe(("journey-art-1:m0:Email", 2));
        OutreachSends.Item("journey-art-1:m0:Email", 3).Id.ShouldNotBe(item.Id);
    }

    [Theory]
    [InlineData("journey-art-1:m0:Email")]
    [InlineData("#1")]
    [InlineData("m0#-1")]
    [InlineData("m0#x")]
    public void Parse_NotAnAttempt_IsAPermanentFailure(string subject) =>
        Should.Throw<PermanentWorkException>(() => OutreachSends.Parse(new WorkItem("send:x", WorkKinds.SendMessage, subject)));

    [Fact]
    public void Item_MessageIdWithTheSeparator_IsRefused() =>
        Should.Throw<ArgumentException>(() => OutreachSends.Item("m#0", 0));

    [Fact]
    public async Task Handler_SendsTheMessageOnce_HoweverOftenTheItemComes()
    {
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddMessageAsync(artist);
        var handler = new SendMessageHandler(_harness.SendOutreachMessage());
        var item = OutreachSends.Item(message.Id, 0);

        var failures = await handler.HandleBatchAsync([item, item, OutreachSends.Item(message.Id, 1)], CancellationToken.None);

        failures.ShouldAllBe(f => f == null);
        _harness.EmailChannel.Calls.ShouldBe(1);
        (await _harness.EventsAsync()).OfType<OutreachSent>().ShouldHaveSingleItem().MessageId.ShouldBe(message.Id);
    }

    [Fact]
    public async Task Handler_ABatch_ReportsEachItemsFailureApart()
    {
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddMessageAsync(artist);
        var handler = new SendMessageHandler(_harness.SendOutreachMessage());

        var failures = await handler.HandleBatchAsync([OutreachSends.Item(message.Id, 0), new WorkItem("send:bad", WorkKinds.SendMessage, "bad")], CancellationToken.None);

        failures[0].ShouldBeNull();
        failures[1].ShouldBeOfType<PermanentWorkException>();
    }

    [Fact]
    public async Task GivenUpOn_TheMessageFailsItsQuotaGoesBackAndTheJourneyIsToldOnce()
    {
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddMessageAsync(artist);
        var handler = new SendMessageHandler(_harness.SendOutreachMessage());
        _harness.EmailChannel.Behaviour = ProviderBehaviour.Throw;
        var item = OutreachSends.Item(message.Id, 0);
        (await handler.HandleBatchAsync([item], CancellationToken.None))[0].ShouldNotBeNull();
        (await _harness.SenderAsync()).HeldToday.ShouldBe(1);

        await handler.OnDeadLetteredAsync(item, "HttpRequestException: provider unavailable", CancellationToken.None);
        await handler.OnDeadLetteredAsync(item, "HttpRequestException: provider unavailable", CancellationToken.None);

        (await _harness.Messages.GetAsync(message.Id))!.Status.ShouldBe(MessageStatus.Failed);
        (await _harness.SenderAsync()).HeldToday.ShouldBe(0);
        (await _harness.EventsAsync()).OfType<OutreachFailed>().ShouldHaveSingleItem().Reason.ShouldBe(SendPathReasons.GaveUp);
    }

    [Fact]
    public async Task GivenUpOn_AMessageSentMeanwhile_StaysSent()
    {
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddMessageAsync(artist);
        var handler = new SendMessageHandler(_harness.SendOutreachMessage());
        var item = OutreachSends.Item(message.Id, 0);
        await handler.HandleAsync(item, CancellationToken.None);

        await handler.OnDeadLetteredAsync(item, "a late timeout", CancellationToken.None);

        (await _harness.Messages.GetAsync(message.Id))!.Status.ShouldBe(MessageStatus.Sent);
        (await _harness.EventsAsync()).OfType<OutreachFailed>().ShouldBeEmpty();
    }

    [Fact]
    public async Task CancelledWhileWaitingForItsSlot_IsNotSentAndGivesItsQuotaBack()
    {
        var artist = await _harness.AddArtistAsync();
        var message = await _harness.AddMessageAsync(artist);
        _harness.OutreachOptions.RateLimits[Domain.Artists.ContactChannel.Email] = new RateLimitSettings { PerSecond = 1, Burst = 1 };
        var sender = _harness.SendOutreachMessage();
        await sender.SendAsync((await _harness.AddMessageAsync(artist, step: "first")).Id); // takes the one slot

        var waiting = sender.SendAsync(message.Id);
        await _harness.Messages.SetStatusAsync(message.Id, MessageStatus.Cancelled, Afternoon);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));

        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Kind.ShouldBe(SendOutcomeKind.Refused);
        _harness.EmailChannel.Calls.ShouldBe(1);
        (await _harness.SenderAsync()).HeldToday.ShouldBe(1);
    }
}

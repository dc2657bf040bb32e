using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Messaging.Tests;

public sealed partial class TwilioWebhookTests
{
    [Fact]
    public void Parse_DeliveredCallback_MapsEveryField()
    {
        var result = Sut().Parse(Signed(Status("delivered")));

        result.Accepted.ShouldBeTrue();
        result.Reply.ShouldBeNull();
        result.Events.ShouldHaveSingleItem().ShouldBe(new DeliveryEvent(
            "twilio", $"{Sid}:delivered", DeliveryEventKind.Delivered, ContactChannel.Sms, Sid, "+33612345678", Samples.Epoch, "delivered"));
    }

    [Theory]
    [InlineData("undelivered", "30003", DeliveryEventKind.Bounced)]
    [InlineData("undelivered", "30004", DeliveryEventKind.Bounced)]
    [InlineData("undelivered", "30005", DeliveryEventKind.Bounced)]
    [InlineData("undelivered", "30006", DeliveryEventKind.Bounced)]
    [InlineData("failed", "21610", DeliveryEventKind.Bounced)]
    [InlineData("failed", "21211", DeliveryEventKind.Bounced)]
    [InlineData("failed", "21612", DeliveryEventKind.Bounced)]
    [InlineData("failed", "21614", DeliveryEventKind.Bounced)]
    [InlineData("undelivered", "30007", DeliveryEventKind.Deferred)]
    [InlineData("undelivered", "30008", DeliveryEventKind.Deferred)]
    [InlineData("failed", "30034", DeliveryEventKind.Deferred)]
    [InlineData("undelivered", null, DeliveryEventKind.Deferred)]
    [InlineData("undelivered", "not-a-code", DeliveryEventKind.Deferred)]
    [InlineData("read", null, DeliveryEventKind.Opened)]
    public void Parse_FailureCallbacks_PermanentCodesBounce_OthersDefer(string status, string? code, DeliveryEventKind kind)
    {
        var mapped = Sut().Parse(Signed(Status(status, code))).Events.ShouldHaveSingleItem();

        mapped.Kind.ShouldBe(kind);
        mapped.EventId.ShouldBe($"{Sid}:{status}");
        mapped.Detail.ShouldBe(code is null || !int.TryParse(code, out _) ? status : $"{status}, error {code}");
    }

    [Theory]
    [InlineData("queued")]
    [InlineData("sending")]
    [InlineData("sent")]
    [InlineData("accepted")]
    [InlineData("scheduled")]
    [InlineData("canceled")]
    public void Parse_InterimStatus_AcceptedWithNoEvent(string status)
    {
        var result = Sut().Parse(Signed(Status(status)));

        result.Accepted.ShouldBeTrue();
        result.Events.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_OnlySmsSidAndSmsStatus_StillRead()
    {
        var fields = Status("delivered");
        fields.Remove("MessageSid");
        fields.Remove("MessageStatus");

        Sut().Parse(Signed(fields)).Events.ShouldHaveSingleItem().EventId.ShouldBe($"{Sid}:delivered");
    }

    [Fact]
    public void Parse_SignedCallbackWithoutToOrStatus_Malformed()
    {
        var noTo = Status("delivered");
        noTo.Remove("To");
        var noStatus = Status("delivered");
        noStatus.Remove("MessageStatus");
        noStatus.Remove("SmsStatus");
        var inboundWithoutFrom = Inbound("STOP");
        inboundWithoutFrom.Remove("From");

        Sut().Parse(Signed(noTo)).Reason.ShouldBe("a status callback without To");
        Sut().Parse(Signed(noStatus)).Reason.ShouldBe("neither a status callback nor an inbound message");
        Sut().Parse(Signed(inboundWithoutFrom)).Reason.ShouldBe("an inbound message without From");
        Sut().Parse(Signed(noTo)).Rejection.ShouldBe(WebhookRejection.Malformed);
    }
}

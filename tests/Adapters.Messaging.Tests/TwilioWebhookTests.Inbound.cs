using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;
using MonaSpark.TestKit;

namespace MonaSpark.Adapters.Messaging.Tests;

public sealed partial class TwilioWebhookTests
{
    [Theory]
    [InlineData("STOP", "STOP")]
    [InlineData("stop", "STOP")]
    [InlineData("  Stop \n", "STOP")]
    [InlineData("Stop!", "STOP")]
    [InlineData("stop.", "STOP")]
    [InlineData("STOPALL", "STOPALL")]
    [InlineData("unsubscribe", "UNSUBSCRIBE")]
    [InlineData("Cancel", "CANCEL")]
    [InlineData("END", "END")]
    [InlineData("quit", "QUIT")]
    [InlineData("ARRET", "ARRET")]
    [InlineData("arrêt", "ARRÊT")]
    [InlineData("Arrêt ", "ARRÊT")]
    [InlineData("ARRE\u0302T", "ARRÊT")]
    [InlineData("\u00A0stop\t", "STOP")]
    public void Parse_InboundStopKeyword_OptedOut_AnsweredWithEmptyTwiml(string body, string keyword)
    {
        var result = Sut().Parse(Signed(Inbound(body)));

        result.Accepted.ShouldBeTrue();
        result.Events.ShouldHaveSingleItem().ShouldBe(new DeliveryEvent(
            "twilio", "SMinbound00000000000000000000000001:received", DeliveryEventKind.OptedOut, ContactChannel.Sms, null, "+33612345678", Samples.Epoch, keyword));
        result.Reply.ShouldBe(new WebhookReply("application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"));
    }

    [Theory]
    [InlineData("START", "START")]
    [InlineData("unstop", "UNSTOP")]
    [InlineData(" Yes ", "YES")]
    public void Parse_InboundStartKeyword_OptedIn(string body, string keyword)
    {
        var mapped = Sut().Parse(Signed(Inbound(body))).Events.ShouldHaveSingleItem();

        mapped.Kind.ShouldBe(DeliveryEventKind.OptedIn);
        mapped.Detail.ShouldBe(keyword);
    }

    [Theory]
    [InlineData("STOP please")]
    [InlineData("Please stop")]
    [InlineData("STOP STOP")]
    [InlineData("STOPP")]
    [InlineData("Oui, intéressée ! Appelez-moi au 06 12 34 56 78")]
    [InlineData("Yes please")]
    [InlineData("")]
    public void Parse_InboundText_Replied_WithoutTheText(string body)
    {
        var result = Sut().Parse(Signed(Inbound(body)));

        var mapped = result.Events.ShouldHaveSingleItem();
        mapped.Kind.ShouldBe(DeliveryEventKind.Replied);
        mapped.Detail.ShouldBeNull();
        mapped.Address.ShouldBe("+33612345678");
        result.Reply!.ContentType.ShouldBe("application/xml");
    }

    [Fact]
    public void Parse_AdvancedOptOutClassifiedIt_TwiliosClassificationWins()
    {
        Sut().Parse(Signed(Inbound("Arrêtez svp", optOutType: "STOP"))).Events.Single().ShouldSatisfyAllConditions(
            e => e.Kind.ShouldBe(DeliveryEventKind.OptedOut),
            e => e.Detail.ShouldBe("STOP"));
        Sut().Parse(Signed(Inbound("Reprendre", optOutType: "START"))).Events.Single().Kind.ShouldBe(DeliveryEventKind.OptedIn);
        Sut().Parse(Signed(Inbound("HELP", optOutType: "HELP"))).Events.Single().Kind.ShouldBe(DeliveryEventKind.Replied);
    }

    [Fact]
    public void Parse_AccentedKeywordPercentEncodedInUtf8_Read()
    {
        var fields = Inbound("ARRÊT");

        var request = Signed(fields);

        request.Body.ShouldContain("Body=ARR%C3%8AT");
        Sut().Parse(request).Events.Single().Kind.ShouldBe(DeliveryEventKind.OptedOut);
    }

    [Fact]
    public void Parse_FormWithPlusForSpaces_Verified()
    {
        var fields = Inbound("Merci beaucoup");
        var request = Signed(fields);

        Sut().Parse(request with { Body = request.Body.Replace("%20", "+", StringComparison.Ordinal) }).Accepted.ShouldBeTrue();
    }
}

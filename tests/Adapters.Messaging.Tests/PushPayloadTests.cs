using MonaSpark.Adapters.Messaging.Push;

namespace MonaSpark.Adapters.Messaging.Tests;

public sealed class PushPayloadTests
{
    [Fact]
    public void PayloadFor_LongBody_First120CharactersNeverSplittingASurrogatePair()
    {
        var body = new string('a', 119) + "🎵🎵🎵";

        var payload = PushRequest.PayloadFor(Outreach.Push("{}", body: body) with { UnsubscribeUrl = null });

        Json.Canonical(payload).ShouldBe(Json.Canonical($$"""{"title":"Votre audience grandit","body":"{{new string('a', 119)}}🎵"}"""));
    }

    [Fact]
    public void LandingLink_NotInTheText_DerivedFromTheUnsubscribeLink()
    {
        var message = Outreach.Push("{}", body: "Nouvelles stats disponibles.") with { UnsubscribeUrl = new Uri("https://monaspark.example/app/u/tok-42") };

        PushRequest.LandingLink(message).ShouldBe(new Uri("https://monaspark.example/app/l/tok-42"));
    }

    [Fact]
    public void LandingLink_InTheText_TheFirstOneWins()
    {
        var message = Outreach.Push("{}", body: "Voir https://monaspark.example/l/first puis https://monaspark.example/l/second") with { UnsubscribeUrl = null };

        PushRequest.LandingLink(message).ShouldBe(new Uri("https://monaspark.example/l/first"));
    }

    [Fact]
    public void LandingLink_NoneAnywhere_PayloadHasNoUrl()
    {
        var message = Outreach.Push("{}", body: "Bonjour, http://insecure.example/l/x") with { UnsubscribeUrl = null };

        PushRequest.LandingLink(message).ShouldBeNull();
        PushRequest.PayloadFor(message).ShouldNotContain("\"url\"");
    }
}

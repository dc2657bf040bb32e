using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach.Copy;
using MonaSpark.Domain.Sources;
using MonaSpark.TestKit;

namespace MonaSpark.Domain.Tests.Outreach;

public class PrivacyNoticeTests
{
    private static readonly string Unsubscribe = CopySamples.Links.Unsubscribe.AbsoluteUri;

    [Theory]
    [InlineData(ContactChannel.Email, CopyLanguage.English, "object")]
    [InlineData(ContactChannel.Email, CopyLanguage.French, "opposer")]
    [InlineData(ContactChannel.DirectMessage, CopyLanguage.English, "object")]
    [InlineData(ContactChannel.DirectMessage, CopyLanguage.French, "opposer")]
    public void For_FirstContact_SaysWhoWhereFromHowToObjectAndLinksTheUnsubscribePage(ContactChannel channel, string language, string objection)
    {
        var notice = PrivacyNotice.For(CopySamples.Brief(channel, language));

        notice.ShouldContain("MonaSpark");
        notice.ShouldContain("Artist Relations");
        notice.ShouldContain("Spotify");
        notice.ShouldContain("YouTube");
        notice.ShouldContain(objection);
        notice.ShouldContain(language == CopyLanguage.French ? "RGPD, art. 14" : "GDPR, Art. 14");
        notice.ShouldEndWith(Unsubscribe);
    }

    [Theory]
    [InlineData(CopyLanguage.English, "Reply STOP to object")]
    [InlineData(CopyLanguage.French, "STOP pour vous opposer")]
    public void For_FirstSms_SaysWhoWhereFromAndTheStopReply(string language, string stop)
    {
        var notice = PrivacyNotice.For(CopySamples.Brief(ContactChannel.Sms, language));

        notice.ShouldStartWith("Artist Relations, MonaSpark.");
        notice.ShouldContain("Spotify");
        notice.ShouldContain(stop);
    }

    [Fact]
    public void For_FollowUp_KeepsTheOptOut()
    {
        PrivacyNotice.For(CopySamples.Brief(firstContact: false)).ShouldEndWith(Unsubscribe);
        PrivacyNotice.For(CopySamples.Brief(ContactChannel.Sms, firstContact: false)).ShouldContain("STOP");
        PrivacyNotice.For(CopySamples.Brief(ContactChannel.Sms, CopyLanguage.French, firstContact: false)).ShouldContain("STOP");
    }

    [Fact]
    public void For_WebPush_IsEmpty() => PrivacyNotice.For(CopySamples.Brief(ContactChannel.WebPush, firstContact: false)).ShouldBeEmpty();

    [Fact]
    public void For_NoPublicPlatform_SaysPublicSources()
    {
        var brief = CopySamples.Brief() with { Sources = [] };

        PrivacyNotice.For(brief).ShouldContain("found your public artist profile in public sources");
    }

    [Fact]
    public void For_ThreeSourcesAndTheWeb_ListsThemAll()
    {
        var brief = CopySamples.Brief(language: CopyLanguage.French) with { Sources = [SourceKind.Spotify, SourceKind.SoundCloud, SourceKind.Instagram, SourceKind.Web] };

        PrivacyNotice.For(brief).ShouldContain("sur Spotify, SoundCloud, Instagram et le web");
    }

    [Fact]
    public void AppendTo_ThenStrip_GivesTheContentBack()
    {
        var brief = CopySamples.Brief();

        var body = PrivacyNotice.AppendTo("  Hello there.  ", brief);

        body.ShouldBe("Hello there.\n\n" + brief.Notice);
        PrivacyNotice.Strip(body, brief).ShouldBe("Hello there.");
    }

    [Fact]
    public void AppendTo_Sms_UsesOneLineBreak() =>
        PrivacyNotice.AppendTo("Hello.", CopySamples.Brief(ContactChannel.Sms)).ShouldStartWith("Hello.\nArtist Relations");
}

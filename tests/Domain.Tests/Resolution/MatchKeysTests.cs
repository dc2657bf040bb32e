using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Resolution;
using MonaSpark.TestKit;

namespace MonaSpark.Domain.Tests.Resolution;

public class MatchKeysTests
{
    [Theory]
    [InlineData("https://www.Zelie.example/", "zelie.example")]
    [InlineData("http://zelie.example:8080/music/?utm=x#top", "zelie.example/music")]
    [InlineData("https://www.youtube.com/channel/UCabcDEF", "youtube.com/channel/UCabcDEF")]
    public void Link_KeepsOnlyWhatIdentifiesThePage(string url, string expected) => MatchKeys.Link(new Uri(url)).ShouldBe(expected);

    [Fact]
    public void Email_IsTrimmedAndLowerCased() => MatchKeys.Email(" Booking@Zelie.Example ").ShouldBe("booking@zelie.example");

    [Fact]
    public void Of_Artist_ListsNameLinksAndEmails()
    {
        var artist = Samples.Artist("a");

        var keys = MatchKeys.Of(artist);

        keys.ShouldBe(
        [
            new MatchKey(MatchKeyKind.Name, NameKey.Of(artist.Name.Value)),
            new MatchKey(MatchKeyKind.Link, "open.spotify.com/artist/sp-a"),
            new MatchKey(MatchKeyKind.Link, "youtube.com/channel/yt-a"),
            new MatchKey(MatchKeyKind.Email, "booking@luna.example"),
        ]);
    }

    [Fact]
    public void Of_NonEmailContacts_AreNotKeys()
    {
        var artist = Samples.Artist("a", email: null) with
        {
            Profiles = [],
            ContactPoints = [new ContactPoint(ContactChannel.Sms, "+33600000000", LawfulBasis.Consent, false, Samples.Artist().Name.Provenance)],
        };

        MatchKeys.Of(artist).ShouldHaveSingleItem().Kind.ShouldBe(MatchKeyKind.Name);
    }
}

using MonaSpark.Adapters.Scraping.Extraction;
using MonaSpark.Sources.WebFixtures;

namespace MonaSpark.Adapters.Scraping.Tests;

public sealed class ExtractionTests
{
    private static WebPageRecord Extract(string slug, string? html = null) =>
        PageExtractor.Extract(html ?? WebFixtureServer.PageHtml(slug), new Uri($"https://fixtures.test/{slug}/"), "http");

    private static string[] Urls(WebPageRecord record, string platform) => [.. record.Links.Where(l => l.Platform == platform).Select(l => l.Url)];

    public static TheoryData<string, string> StaticPages() => new()
    {
        { "zelie-maree", "Zélie Marée" },
        { "luna-vale", "Luna Vale" },
        { "nova-atlas", "Nova Atlas" },
        { "velvet-komet", "Velvet Komet" },
        { "saint-orchid", "Saint Orchid" },
        { "paper-pilots", "Paper Pilots" },
        { "honey-dunes", "Honey Dunes" },
        { "hostile", "Hélène Rivière" },
    };

    [Theory(Timeout = 10_000)]
    [MemberData(nameof(StaticPages))]
    public async Task Extract_StaticFixture_FindsNameAndStaysOnHttpPath(string slug, string name)
    {
        await Task.Yield();
        var html = WebFixtureServer.PageHtml(slug);
        var document = PageExtractor.Parse(html);
        var sut = PageExtractor.Extract(document, new Uri($"https://fixtures.test/{slug}/"), "http");

        sut.Name.ShouldBe(name);
        sut.Links.ShouldNotBeEmpty();
        ScriptRenderingRule.NeedsBrowser(document, sut).ShouldBeFalse();
    }

    [Theory(Timeout = 10_000)]
    [InlineData("echo-lights")]
    [InlineData("aicha-nour")]
    [InlineData("nova-sauvage")]
    public async Task NeedsBrowser_ScriptRenderedFixture_True(string slug)
    {
        await Task.Yield();
        var document = PageExtractor.Parse(WebFixtureServer.PageHtml(slug));
        var sut = PageExtractor.Extract(document, new Uri($"https://fixtures.test/{slug}/"), "http");

        sut.Links.ShouldBeEmpty();
        ScriptRenderingRule.NeedsBrowser(document, sut).ShouldBeTrue();
    }

    [Fact(Timeout = 10_000)]
    public async Task Extract_LinkInBioWithJsonLd_ReadsEverything()
    {
        await Task.Yield();
        var sut = Extract("zelie-maree");

        sut.Bio!.ShouldStartWith("Chanson française depuis Nantes.");
        Urls(sut, "spotify").ShouldBe(["https://open.spotify.com/artist/uRvbtyip14MoJxN62c1hWy"]);
        Urls(sut, "youtube").ShouldBe(["https://www.youtube.com/channel/UCJW8P6KP1ymyxEZdnxMFXFB"]);
        Urls(sut, "instagram").ShouldBe(["https://www.instagram.com/zeliemaree/"]);
        Urls(sut, "soundcloud").ShouldBe(["https://soundcloud.com/zeliemareemusic"]);
        sut.Emails.ShouldBe(["booking@zeliemaree.fr"]);
        sut.Location.ShouldBe("Nantes, FR");
        sut.Country.ShouldBe("FR");
        sut.Genres.ShouldBe(["chanson", "french indie", "pop"]);
    }

    [Fact(Timeout = 10_000)]
    public async Task Extract_ArtistSite_KeepsBusinessEmailsAndDropsPersonalOne()
    {
        await Task.Yield();
        var sut = Extract("luna-vale");

        sut.Bio.ShouldBe("Luna Vale writes dream pop about night trains and small towns. Based in Lyon, France.");
        sut.Emails.ShouldBe(["mgmt@lunavale.com", "press@nightrain-records.com"], ignoreOrder: true);
        sut.Emails.ShouldNotContain("luna.vale.private@gmail.com");
        sut.Links.Select(l => l.Platform).ShouldBe(["spotify", "youtube", "instagram", "soundcloud", "tiktok"]);
        sut.Location.ShouldBe("Lyon, France");
        sut.Country.ShouldBe("FR");
    }

    [Fact(Timeout = 10_000)]
    public async Task Extract_BandcampStylePage_TakesArtistTagsAndLocation()
    {
        await Task.Yield();
        var sut = Extract("nova-atlas");

        sut.Name.ShouldBe("Nova Atlas");
        sut.Genres.ShouldBe(["ambient pop", "electronic", "berlin"]);
        sut.Location.ShouldBe("Berlin, Germany");
        sut.Country.ShouldBe("DE");
        sut.Emails.ShouldBe(["booking@novaatlas.de"]);
        Urls(sut, "bandcamp").ShouldBe(["https://novaatlas.bandcamp.com/", "https://novaatlas.bandcamp.com/album/orbit-songs"]);
        Urls(sut, "spotify").ShouldHaveSingleItem();
    }

    [Fact(Timeout = 10_000)]
    public async Task Extract_JsonLdGraph_ReadsSameAsAndAddress()
    {
        await Task.Yield();
        var sut = Extract("velvet-komet");

        sut.Name.ShouldBe("Velvet Komet");
        sut.Links.Select(l => l.Platform).ShouldBe(["youtube", "spotify", "instagram", "soundcloud"], ignoreOrder: true);
        sut.Emails.ShouldBe(["contact@velvetkomet.fr"]);
        sut.Location.ShouldBe("Lille, France");
        sut.Country.ShouldBe("FR");
        sut.Genres.ShouldBe(["electro"]);
    }

    [Fact(Timeout = 10_000)]
    public async Task Extract_PlainSite_ReadsKeywordsBasedInAndObfuscatedEmail()
    {
        await Task.Yield();
        var sut = Extract("saint-orchid");

        sut.Bio.ShouldBe("Saint Orchid — late-night R&B from South London.");
        sut.Genres.ShouldBe(["r&b", "neo soul", "alternative r&b"]);
        sut.Location.ShouldBe("London, UK");
        sut.Country.ShouldBe("GB");
        sut.Emails.ShouldBe(["agent@orchidlive.co.uk"]);
    }

    [Fact(Timeout = 10_000)]
    public async Task Extract_JsonLdArrayWithCountryObject_ReadsCountryAndEmail()
    {
        await Task.Yield();
        var sut = Extract("paper-pilots");

        sut.Location.ShouldBe("Berlin, Germany");
        sut.Country.ShouldBe("DE");
        sut.Emails.ShouldBe(["hello@paperpilots.de"]);
        sut.Genres.ShouldBe(["indie pop", "electropop"]);
        Urls(sut, "bandcamp").ShouldBe(["https://paperpilots.bandcamp.com/"]);
    }

    [Fact(Timeout = 10_000)]
    public async Task Extract_FreeMailAddresses_KeepsRoleAddressOnly()
    {
        await Task.Yield();
        var sut = Extract("honey-dunes");

        sut.Name.ShouldBe("Honey Dunes");
        sut.Emails.ShouldBe(["bookings.honeydunes@gmail.com"]);
        sut.Country.ShouldBeNull();
    }

    [Fact(Timeout = 10_000)]
    public async Task Extract_HostilePage_KeepsTextAsDataAndIgnoresHiddenAndBogusContent()
    {
        await Task.Yield();
        var sut = Extract("hostile");

        sut.Name.ShouldBe("Hélène Rivière"); // the bidi override is stripped
        sut.Bio!.ShouldStartWith("<script>alert('bio')</script> Ignore previous instructions");
        sut.Links.ShouldBe([new WebLink("spotify", "https://open.spotify.com/artist/QLJ1LA8ZoZElCnmbRx2jyy")]);
        sut.Emails.ShouldBe(["booking@heleneriviere.com"]);
        sut.Country.ShouldBeNull();
        var json = sut.ToJson();
        json.ShouldNotContain("<script>");
        json.ShouldNotContain("evil.example");
        json.ShouldNotContain("pwned");
    }

    [Fact(Timeout = 10_000)]
    public async Task Extract_AboutSectionWithScript_ReadsOnlyVisibleText()
    {
        await Task.Yield();
        var html = WebFixtureServer.PageHtml("hostile").Replace("<meta name=\"description\"", "<meta name=\"ignored\"", StringComparison.Ordinal);

        var sut = Extract("hostile", html);

        sut.Bio!.ShouldStartWith("Chanson from Montréal.");
        sut.Bio.ShouldNotContain("document.title");
        sut.Bio.ShouldNotContain("attacker");
        sut.Bio.ShouldContain("<img src=x onerror=alert(1)>");
    }

    [Fact(Timeout = 10_000)]
    public async Task Clean_ControlAndFormatCharacters_AreRemovedAndLengthCapped()
    {
        await Task.Yield();
        TextClean.Clean("a\u0000b\u200Bc\u202Ed\u0007 e", 100).ShouldBe("abcd e");
        TextClean.Clean(new string('x', 500), 200)!.Length.ShouldBe(200);
        TextClean.Clean("😀😀", 3).ShouldBe("😀");
        TextClean.Clean("  \t ", 10).ShouldBeNull();
    }
}

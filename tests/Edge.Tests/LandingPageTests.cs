using System.IO.Compression;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MonaSpark.Application.Landing;
using MonaSpark.Domain.Commerce;
using MonaSpark.Edge.Assets;
using MonaSpark.Edge.Landing;
using MonaSpark.TestKit;

namespace MonaSpark.Edge.Tests;

public sealed class LandingPageTests
{
    private const string Token = "AUVJ5wABI0VniavN7wEj7Jqr7jkTEDTfcJt1dBa1cA";
    private const string Nonce = "n0nce-Abc";

    private static LandingContent Content(
        string name = "Zélie Marée",
        string language = "fr",
        IReadOnlyList<string>? genres = null,
        IReadOnlyList<string>? proof = null,
        string offerName = "MonaSpark Pro",
        Uri? image = null,
        Money? price = null,
        string variant = "momentum",
        double? growth = 0.45) =>
        new(
            Token,
            language,
            name,
            image ?? new Uri("https://i.scdn.example/image/zelie.jpg"),
            genres ?? ["chanson", "pop"],
            new LandingMomentum(12_450, growth, 2),
            new LandingOffer("spark-monthly", offerName, price ?? new Money(1_900, CurrencyCode.Eur), BillingPeriod.Monthly),
            variant,
            proof ?? ["Vos sorties proposées aux playlists", "Sans engagement"],
            new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero),
            "v1");

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    [Fact]
    public void Render_French_TheArtistsNumbersAndTheOfferInTheirCurrency()
    {
        var html = LandingPage.Render(Content(), Nonce);
        var page = Parse(html);

        page.DocumentElement.GetAttribute("lang").ShouldBe("fr");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Zélie Marée, votre public grandit");
        // French groups digits and spaces the percent sign with no-break spaces (which ones depends on the ICU version).
        page.QuerySelectorAll("dd").Select(d => d.TextContent.Replace('\u202F', ' ').Replace('\u00A0', ' ')).ShouldBe(["12 450", "+45,0 %", "2"]);
        page.QuerySelector(".price")!.TextContent.ShouldBe("19,00 EUR par mois");
        page.Title.ShouldBe("Zélie Marée × MonaSpark");
        page.QuerySelector("a.cta")!.GetAttribute("href").ShouldBe($"/l/{Token}/form");
        page.QuerySelector("footer a")!.GetAttribute("href").ShouldBe($"/u/{Token}");
        page.QuerySelector("style")!.GetAttribute("nonce").ShouldBe(Nonce);
    }

    [Fact]
    public void Render_English_IntroVariant_AndAZeroDecimalCurrency()
    {
        var page = Parse(LandingPage.Render(Content(name: "Rowan Hale", language: "en", variant: "intro", price: new Money(2_900, new CurrencyCode("JPY"))), Nonce));

        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Rowan Hale, let’s grow your audience");
        page.QuerySelector(".price")!.TextContent.ShouldBe("2,900 JPY a month");
    }

    [Fact]
    public void Render_ImagesAreSized_NoScriptAnywhere_AndTheBeaconIsUncachedByItsOwnRoute()
    {
        var page = Parse(LandingPage.Render(Content(), Nonce));

        page.Images.ShouldAllBe(i => i.HasAttribute("width") && i.HasAttribute("height") && i.HasAttribute("alt"));
        page.Scripts.ShouldBeEmpty();
        page.QuerySelector("img.b")!.GetAttribute("src").ShouldBe($"/l/{Token}/v?variant=momentum");
        page.QuerySelectorAll("script, iframe, object, embed, base, meta[http-equiv]").ShouldBeEmpty();
        page.QuerySelectorAll("link").Select(l => (l.GetAttribute("rel"), l.GetAttribute("href"))).ShouldBe([("icon", StaticAssets.Icon)]); // our own icon, nothing else
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://insecure.example/a.jpg")]
    [InlineData("https://user:secret@evil.example/a.jpg")]
    public void Render_AnImageThatIsNotPlainHttps_IsLeftOut(string url)
    {
        var page = Parse(LandingPage.Render(Content(image: new Uri(url)), Nonce));

        page.QuerySelectorAll("header img").ShouldBeEmpty();
        page.QuerySelector(".initials")!.TextContent.ShouldBe("ZM");
    }

    [Fact]
    public void Render_FiveHundredHostileStrings_NeverAddAnElementOrAnAttribute()
    {
        var baseline = Shape(Parse(LandingPage.Render(Content(), Nonce)));
        HostileStrings.All.Count.ShouldBe(500);

        foreach (var hostile in HostileStrings.All)
        {
            // In every place a source, a person or a model writes: the name, the genres, the proof points (generated copy), the offer's name.
            var content = Content(name: hostile, genres: [hostile, "pop"], proof: [hostile, "Sans engagement"], offerName: hostile);
            var html = LandingPage.Render(content, Nonce);
            var page = Parse(html);

            Shape(page).ShouldBe(baseline, $"the page's elements changed for {hostile}");
            page.Scripts.ShouldBeEmpty(hostile);
            page.All.SelectMany(e => e.Attributes).ShouldNotContain(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), hostile);
            page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ShouldAllBe(h => h.StartsWith('/'), hostile);

            // Shown as text, whole: encoded, not stripped.
            page.QuerySelectorAll("li")[0].TextContent.ShouldBe(hostile.Replace("\0", "\uFFFD", StringComparison.Ordinal), hostile);
        }
    }

    [Fact]
    public void Render_CriticalHtmlAndCss_FitIn14KilobytesCompressed()
    {
        var html = Encoding.UTF8.GetBytes(LandingPage.Render(Content(), Nonce));

        Compressed(html, s => new GZipStream(s, CompressionLevel.SmallestSize, leaveOpen: true)).ShouldBeLessThanOrEqualTo(14 * 1024);
        Compressed(html, s => new BrotliStream(s, CompressionLevel.SmallestSize, leaveOpen: true)).ShouldBeLessThanOrEqualTo(14 * 1024);
        html.Length.ShouldBeLessThan(14 * 1024); // even uncompressed
    }

    [Theory]
    [InlineData(LandingStatus.NotFound, "This link is not valid")]
    [InlineData(LandingStatus.Expired, "This offer has ended")]
    public void RenderUnavailable_AFriendlyPageInBothLanguages(LandingStatus status, string heading)
    {
        var page = Parse(LandingPage.RenderUnavailable(status, Nonce));

        page.QuerySelector("h1")!.TextContent.ShouldBe(heading);
        page.QuerySelector("p[lang=fr]").ShouldNotBeNull();
        page.Scripts.ShouldBeEmpty();
    }

    /// <summary>The page's element tree as tag names (text and attribute values left out).</summary>
    private static string Shape(IDocument page) => string.Join(',', page.All.Select(e => e.LocalName));

    private static int Compressed(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(bytes);
        }

        return (int)output.Length;
    }
}

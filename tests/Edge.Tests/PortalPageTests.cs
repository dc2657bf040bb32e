using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MonaSpark.Application.Landing;
using MonaSpark.Application.Portal;
using MonaSpark.Application.Projections;
using MonaSpark.Domain.Commerce;
using MonaSpark.Edge.Portal;
using MonaSpark.TestKit;

namespace MonaSpark.Edge.Tests;

public sealed class PortalPageTests
{
    private const string Nonce = "n0nce-Abc";

    private static PortalView View(string name = "Zélie Marée", string language = "fr", string planName = "Spark", string invoiceId = "INV-00000042", string csrf = "csrf-value") => new(
        language,
        name,
        new PortalOnboarding(PortalOnboarding.Completed, Took: TimeSpan.FromSeconds(92)),
        new PortalSubscription(CustomerAccount.Active, new PlanChoice("spark-monthly", planName, new Money(1_900, new CurrencyCode("EUR")), BillingPeriod.Monthly), new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero)),
        [new PortalInvoice(invoiceId, new DateTimeOffset(2026, 11, 2, 15, 3, 0, TimeSpan.Zero), new Money(1_900, new CurrencyCode("EUR")))],
        [
            new PlanChoice("spark-monthly", planName, new Money(1_900, new CurrencyCode("EUR")), BillingPeriod.Monthly),
            new PlanChoice("spark-yearly", "Spark yearly", new Money(19_000, new CurrencyCode("EUR")), BillingPeriod.Yearly),
        ],
        null,
        null,
        csrf);

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    [Fact]
    public void Render_French_StatusInvoicesPlansAndForms()
    {
        var page = Parse(PortalPage.Render(View(), Nonce));

        page.DocumentElement.GetAttribute("lang").ShouldBe("fr");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Bonjour Zélie Marée");
        var status = page.QuerySelector("#status")!;
        status.GetAttribute("aria-live").ShouldBe("polite");
        status.TextContent.ShouldBe("Inscription terminée en 1 min 32 s. Abonnement actif : Spark.");
        page.QuerySelectorAll("tbody td").Select(t => t.TextContent).ShouldBe(["2 novembre 2026", "19,00 EUR", "INV-00000042"]);
        page.QuerySelectorAll("form").Select(f => f.GetAttribute("action")).ShouldBe(["/portal/plan", "/portal/erasure", "/portal/sign-out"]);
        page.QuerySelectorAll("form").ShouldAllBe(f => f.QuerySelector("input[name=csrf]")!.GetAttribute("value") == "csrf-value");
        page.QuerySelector("input[name=plan][checked]")!.GetAttribute("value").ShouldBe("spark-monthly");
        page.QuerySelector("a[href='/portal/export']").ShouldNotBeNull();
        page.QuerySelector("input[name=confirm]")!.HasAttribute("required").ShouldBeTrue();
    }

    [Fact]
    public void Render_English_AndTheScriptOnlyUnderTheNonce()
    {
        var html = PortalPage.Render(View(language: "en"), Nonce, "plan");
        var page = Parse(html);

        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector(".notice")!.TextContent.ShouldBe("Your plan change request is recorded.");
        page.QuerySelectorAll("tbody td")[1].TextContent.ShouldBe("19.00 EUR");
        page.Scripts.ShouldHaveSingleItem().GetAttribute("nonce").ShouldBe(Nonce);
        page.QuerySelector("style")!.GetAttribute("nonce").ShouldBe(Nonce);
        html.ShouldNotContain("style=\"");
    }

    [Fact]
    public void Render_FiveHundredHostileStrings_NeverAddAnElementOrAnAttribute()
    {
        var baseline = Shape(Parse(PortalPage.Render(View(), Nonce)));
        HostileStrings.All.Count.ShouldBe(500);

        foreach (var hostile in HostileStrings.All)
        {
            // Wherever a person, a source or the configuration writes: the name, the plan's name, the invoice id, the csrf value.
            var page = Parse(PortalPage.Render(View(name: hostile, planName: hostile, invoiceId: hostile, csrf: hostile), Nonce));

            Shape(page).ShouldBe(baseline, $"the page's elements changed for {hostile}");
            page.Scripts.Length.ShouldBe(1, hostile);
            page.All.SelectMany(e => e.Attributes).ShouldNotContain(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), hostile);
            page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ShouldAllBe(h => h.StartsWith('/'), hostile);
            page.QuerySelectorAll("tbody td")[2].TextContent.ShouldBe(hostile.Replace("\0", "\uFFFD", StringComparison.Ordinal), hostile);
        }
    }

    [Fact]
    public void RenderEnter_HostileToken_StaysAnAttributeValue()
    {
        var baseline = Shape(Parse(PortalSignInPage.RenderEnter(LinkState.Valid, "tok", "csrf", Nonce)));

        foreach (var hostile in HostileStrings.All)
        {
            var page = Parse(PortalSignInPage.RenderEnter(LinkState.Valid, hostile, "csrf", Nonce));

            Shape(page).ShouldBe(baseline, hostile);
            page.QuerySelector("input[name=t]")!.GetAttribute("value").ShouldBe(hostile.Replace("\0", "\uFFFD", StringComparison.Ordinal), hostile);
        }
    }

    [Theory]
    [InlineData(SignInPageState.Ask)]
    [InlineData(SignInPageState.Sent)]
    [InlineData(SignInPageState.SignedOut)]
    public void RenderSignIn_ALabelledAddressFieldAndNoScript(SignInPageState state)
    {
        var page = Parse(PortalSignInPage.Render(state, Nonce));

        page.QuerySelector("label[for=email]").ShouldNotBeNull();
        page.QuerySelector("input#email")!.GetAttribute("type").ShouldBe("email");
        page.QuerySelector("form")!.GetAttribute("action").ShouldBe("/portal/sign-in");
        page.Scripts.ShouldBeEmpty();
    }

    [Fact]
    public void RenderSignIn_Sent_SaysTheSameWhateverTheAddress() =>
        Parse(PortalSignInPage.Render(SignInPageState.Sent, Nonce)).QuerySelector("[role=status]")!.TextContent.ShouldStartWith("If this address is ours");

    [Theory]
    [InlineData(LinkState.Expired, "This link has expired.")]
    [InlineData(LinkState.Used, "This link was used already: a link signs in once.")]
    [InlineData(LinkState.Invalid, "This link is not valid.")]
    public void RenderEnter_Unusable_SaysWhyWithoutAForm(LinkState state, string heading)
    {
        var page = Parse(PortalSignInPage.RenderEnter(state, "tok", "csrf", Nonce));

        page.QuerySelector("h1")!.TextContent.ShouldBe(heading);
        page.QuerySelector("form").ShouldBeNull();
    }

    private static string Shape(IDocument page) => string.Join(',', page.All.Select(e => e.LocalName));
}

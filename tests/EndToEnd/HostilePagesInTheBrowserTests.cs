using Microsoft.Playwright;
using MonaSpark.Application.Landing;
using MonaSpark.Domain.Commerce;
using MonaSpark.Domain.Onboarding;
using MonaSpark.Edge.Landing;
using MonaSpark.TestKit;

namespace MonaSpark.EndToEnd;

/// <summary>
/// The 500 hostile strings (TestKit <see cref="HostileStrings"/>) in everything a source, a person or a
/// model writes on the landing page and the form, each page loaded into Chromium with JavaScript on
/// and without its CSP (so the rendering alone must be safe): no dialog, no element or attribute more
/// than the benign page has, no event handler.
/// </summary>
public sealed class HostilePagesInTheBrowserTests
{
    private const string Token = "AUVJ5wABI0VniavN7wEj7Jqr7jkTEDTfcJt1dBa1cA";

    private const string ShapeScript = "() => [...document.querySelectorAll('*')].map(e => e.localName + '[' + [...e.attributes].map(a => a.name).sort().join(' ') + ']').join(',')";

    [Fact(Timeout = 300_000)]
    public async Task FiveHundredHostileStrings_NeverRunNorAddAnElement()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = true });
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };

        var landing = await ShapeAsync(page, LandingPage.Render(Landing("Zélie Marée"), "n"));
        var form = await ShapeAsync(page, OnboardingFormPage.Render(Form("Zélie Marée"), "csrf", "n"));
        HostileStrings.All.Count.ShouldBe(500);
        foreach (var hostile in HostileStrings.All)
        {
            (await ShapeAsync(page, LandingPage.Render(Landing(hostile), "n"))).ShouldBe(landing, hostile);
            (await ShapeAsync(page, OnboardingFormPage.Render(Form(hostile), "csrf", "n"))).ShouldBe(form, hostile);
        }

        dialogs.ShouldBeEmpty();
        landing.ShouldNotContain("[on", Case.Insensitive);
        form.ShouldNotContain("[on", Case.Insensitive);
    }

    private static async Task<string> ShapeAsync(IPage page, string html)
    {
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        return await page.EvaluateAsync<string>(ShapeScript);
    }

    /// <summary>The landing page with <paramref name="text"/> as the name, a genre, a proof point (generated copy) and the offer's name.</summary>
    private static LandingContent Landing(string text) => new(
        Token,
        "fr",
        text,
        null,
        [text, "pop"],
        new LandingMomentum(12_450, 0.45, 2),
        new LandingOffer("spark-monthly", text, new Money(1_900, CurrencyCode.Eur), BillingPeriod.Monthly),
        "momentum",
        [text, "Sans engagement"],
        new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero),
        "v1");

    /// <summary>The form's text question with <paramref name="text"/> as the name, what was typed, what the profile says and an answer in the script's data.</summary>
    private static OnboardingView Form(string text)
    {
        var questions = OnboardingQuestions.For(["spark-monthly"]);
        var plans = new[] { new PlanChoice("spark-monthly", text, new Money(1_900, CurrencyCode.Eur), BillingPeriod.Monthly) };
        return new OnboardingView(LandingStatus.Ready, Token, "en", text,
            new OnboardingStep(questions.Single(q => q.Id == OnboardingQuestions.Label), text, text, null, 5, 9), plans, null,
            new OnboardingState(questions, new Dictionary<string, string> { [OnboardingQuestions.Name] = text }, new Dictionary<string, string> { [OnboardingQuestions.Genre] = text }));
    }
}

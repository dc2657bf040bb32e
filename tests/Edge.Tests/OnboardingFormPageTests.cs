using System.Text.Json;
using AngleSharp.Html.Parser;
using MonaSpark.Application.Landing;
using MonaSpark.Domain.Commerce;
using MonaSpark.Domain.Onboarding;
using MonaSpark.Edge.Assets;
using MonaSpark.Edge.Landing;
using MonaSpark.TestKit;
using Q = MonaSpark.Domain.Onboarding.OnboardingQuestions;

namespace MonaSpark.Edge.Tests;

public sealed class OnboardingFormPageTests
{
    private const string Token = "AUVJ5wABI0VniavN7wEj7Jqr7jkTEDTfcJt1dBa1cA";
    private static readonly IReadOnlyList<Question> Questions = Q.For(["spark-monthly"]);
    private static readonly PlanChoice[] Plans = [new("spark-monthly", "MonaSpark Pro", new Money(1_900, CurrencyCode.Eur), BillingPeriod.Monthly)];

    private static OnboardingView View(string questionId, string? known = null, string? value = null, string? error = null, string name = "Zélie", string language = "en", int number = 2, string? answer = null) =>
        new(LandingStatus.Ready, Token, language, name, new OnboardingStep(Questions.Single(q => q.Id == questionId), known, value, error, number, 8), Plans, null,
            new OnboardingState(Questions, new Dictionary<string, string> { [Q.Name] = answer ?? name }, new Dictionary<string, string> { [Q.Genre] = known ?? "pop" }));

    private static JsonElement DataOf(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var data = page.QuerySelector("script#form-data")!;
        data.GetAttribute("type").ShouldBe("application/json");
        return JsonDocument.Parse(data.TextContent).RootElement.Clone();
    }

    [Fact]
    public void Render_AQuestionOfText_APlainFormThatPostsBackWithItsTokens()
    {
        var page = new HtmlParser().ParseDocument(OnboardingFormPage.Render(View(Q.Name, known: "Zélie Marée", number: 1), "csrf-123", "n"));

        var form = page.QuerySelector("form")!;
        form.GetAttribute("method").ShouldBe("post");
        form.GetAttribute("action").ShouldBe($"/l/{Token}/form");
        page.QuerySelector("input[name=csrf]")!.GetAttribute("value").ShouldBe("csrf-123");
        page.QuerySelector("input[name=question]")!.GetAttribute("value").ShouldBe(Q.Name);
        page.QuerySelector("label[for=answer]")!.TextContent.ShouldBe("What name do you perform under?");
        page.QuerySelector("#answer")!.GetAttribute("value").ShouldBe("Zélie Marée"); // prefilled for confirmation
        page.QuerySelector(".known")!.TextContent.ShouldContain("From your profile: Zélie Marée.");
        page.QuerySelectorAll("button[name=back]").ShouldBeEmpty(); // the first question has no way back
        page.QuerySelector("#answer")!.GetAttribute("aria-describedby").ShouldBe("answer-known");
    }

    [Fact]
    public void Render_TheEnhancingScript_ByItsHashedNameUnderTheNonce_AndTheManifest()
    {
        var page = new HtmlParser().ParseDocument(OnboardingFormPage.Render(View(Q.Name, number: 1), "csrf-123", "n0nce"));

        var script = page.Scripts.Single(s => s.Source is not null);
        script.Source.ShouldBe(StaticAssets.FormScript);
        script.GetAttribute("nonce").ShouldBe("n0nce");
        script.HasAttribute("defer").ShouldBeTrue();
        script.TextContent.ShouldBeEmpty();
        page.Scripts.Where(s => s.Source is null).ShouldAllBe(s => s.GetAttribute("type") == "application/json"); // data, never run
        page.QuerySelector("link[rel=manifest]")!.GetAttribute("href").ShouldBe(StaticAssets.Manifest);
        page.QuerySelector("#form-status")!.GetAttribute("aria-live").ShouldBe("polite");
    }

    [Fact]
    public void Render_TheFormsDescription_ForTheScriptOffline()
    {
        var data = DataOf(new HtmlParser().ParseDocument(OnboardingFormPage.Render(View(Q.Act, language: "fr"), "csrf-123", "n")));

        data.GetProperty("action").GetString().ShouldBe($"/l/{Token}/form");
        data.GetProperty("csrf").GetString().ShouldBe("csrf-123");
        data.GetProperty("worker").GetString().ShouldBe("/sw.js");
        data.GetProperty("answers").GetProperty(Q.Name).GetString().ShouldBe("Zélie");
        data.GetProperty("known").GetProperty(Q.Genre).GetString().ShouldBe("pop");
        var questions = data.GetProperty("questions").EnumerateArray().ToList();
        questions.Select(q => q.GetProperty("id").GetString()).ShouldBe(Questions.Select(q => q.Id));
        var members = questions.Single(q => q.GetProperty("id").GetString() == Q.Members);
        members.GetProperty("when").GetProperty("id").GetString().ShouldBe(Q.Act);
        members.GetProperty("when").GetProperty("value").GetString().ShouldBe("band");
        members.GetProperty("errors").GetProperty("number").GetString().ShouldBe("Indiquez un nombre de 2 à 30.");
        var act = questions.Single(q => q.GetProperty("id").GetString() == Q.Act);
        act.GetProperty("label").GetString().ShouldBe("Artiste solo ou groupe ?");
        act.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("text").GetString()).ShouldBe(["Artiste solo", "Groupe"]);
        data.GetProperty("push").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void Render_Completed_WithAPushKey_OffersPushToTheScript()
    {
        var view = new OnboardingView(LandingStatus.Ready, Token, "en", "Zélie", null, Plans, TimeSpan.FromSeconds(80),
            new OnboardingState(Questions, new Dictionary<string, string>(), new Dictionary<string, string>()), "BPUBLICKEY");

        var page = new HtmlParser().ParseDocument(OnboardingFormPage.Render(view, "c", "n"));

        page.QuerySelector("#push")!.HasAttribute("hidden").ShouldBeTrue(); // the script shows it when the browser can
        var push = DataOf(page).GetProperty("push");
        push.GetProperty("key").GetString().ShouldBe("BPUBLICKEY");
        push.GetProperty("url").GetString().ShouldBe($"/l/{Token}/push");
    }

    [Fact]
    public void Render_ARefusedAnswer_TheReasonBesideTheFieldAndWhatWasTyped()
    {
        var page = new HtmlParser().ParseDocument(OnboardingFormPage.Render(View(Q.Members, value: "one", error: "number", language: "fr"), "c", "n"));

        var input = page.QuerySelector("#answer")!;
        input.GetAttribute("value").ShouldBe("one");
        input.GetAttribute("aria-invalid").ShouldBe("true");
        input.GetAttribute("aria-describedby").ShouldBe("answer-error");
        page.QuerySelector("#answer-error")!.TextContent.ShouldBe("Indiquez un nombre de 2 à 30.");
        page.QuerySelector("button[name=back]")!.TextContent.ShouldBe("Retour");
    }

    [Fact]
    public void Render_TheChoiceOfPlan_PricedInTheArtistsCurrency()
    {
        var page = new HtmlParser().ParseDocument(OnboardingFormPage.Render(View(Q.Plan, language: "fr"), "c", "n"));

        page.QuerySelector("legend")!.TextContent.ShouldBe("Choisissez votre formule");
        page.QuerySelectorAll("input[type=radio]").Select(r => r.GetAttribute("value")).ShouldBe(["spark-monthly"]);
        page.QuerySelector("label.choice")!.TextContent.Trim().ShouldBe("MonaSpark Pro: 19,00 EUR par mois");
    }

    [Fact]
    public void Render_Completed_ThanksWithTheTimeItTook()
    {
        var view = new OnboardingView(LandingStatus.Ready, Token, "en", "Zélie", null, Plans, TimeSpan.FromSeconds(112));

        var page = new HtmlParser().ParseDocument(OnboardingFormPage.Render(view, "c", "n"));

        page.QuerySelector("h1")!.TextContent.ShouldBe("All done, thank you!");
        page.QuerySelector(".lede")!.TextContent.ShouldContain("(1 min 52 s)");
        page.QuerySelectorAll("form").ShouldBeEmpty();
    }

    [Fact]
    public void Render_HostileNamesAndAnswers_StayText()
    {
        var baseline = Shape(OnboardingFormPage.Render(View(Q.Label), "c", "n"));
        foreach (var hostile in HostileStrings.All)
        {
            var html = OnboardingFormPage.Render(View(Q.Label, known: hostile, value: hostile, name: hostile), "c", "n");
            var page = new HtmlParser().ParseDocument(html);

            Shape(html).ShouldBe(baseline, hostile);
            page.Scripts.Length.ShouldBe(2, hostile); // the enhancing script and the form's data, nothing else
            System.Text.RegularExpressions.Regex.Count(html, "</script", System.Text.RegularExpressions.RegexOptions.IgnoreCase).ShouldBe(2, hostile); // no value closes the data block
            DataOf(page).GetProperty("name").GetString().ShouldBe(hostile, hostile);
            DataOf(page).GetProperty("answers").GetProperty(Q.Name).GetString().ShouldBe(hostile, hostile);
            page.All.SelectMany(e => e.Attributes).ShouldNotContain(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), hostile);
            page.QuerySelector("#answer")!.GetAttribute("value").ShouldBe(hostile.Replace("\0", "\uFFFD", StringComparison.Ordinal), hostile);
        }
    }

    private static string Shape(string html) => string.Join(',', new HtmlParser().ParseDocument(html).All.Select(e => e.LocalName));
}

using MonaSpark.Application.Lookalikes;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Queries;
using MonaSpark.Edge.Dashboard;
using MonaSpark.TestKit;

namespace MonaSpark.Edge.Tests;

public sealed class DashboardPageTests
{
    private static readonly Kpis Kpis = new(10, 8, 0, 2, [], new Dictionary<string, long> { ["url"] = 2 }, 7, 6, new Dictionary<string, long>(), 0, 0);

    private static LeadView Lead(string name, string why) =>
        new("art-1", name, "Qualified", "Hot", 0.8, 39_900, "EUR", 31_770, "lead-20261125T000000-0a1b2c3d", [why], Samples.Epoch);

    private static ModelRecord Model(string id) => new(id, "fs-1", Samples.Epoch, 3_961, 1_740, new ModelMetrics(0.684, 0.629, 0.024, 1_039, 457));

    [Fact]
    public void Render_EncodesEverythingThatCameFromOutside()
    {
        var model = new DashboardModel([Lead("<script>alert(1)</script>", "+ \"quoted\" & <b>bold</b>")], Kpis, Samples.Epoch)
        {
            Lookalikes = new LookalikeResult(3, 3, [new Lookalike("art-2", "<img src=x onerror=alert(2)>", 0.91)]),
        };

        var html = DashboardPage.Render(model, "n0nce");

        html.ShouldNotContain("<script>alert(1)");
        html.ShouldNotContain("<img src=x");
        html.ShouldNotContain("<b>bold</b>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain("<style nonce=\"n0nce\">");
    }

    [Fact]
    public void Render_ModelsInTheirRoles_WithHeldOutFigures()
    {
        var model = new DashboardModel([], Kpis, Samples.Epoch)
        {
            Models = new ModelsView("lead-a", Model("lead-a"), Model("lead-b"), 10, [Model("lead-b"), Model("lead-a")]),
        };

        var html = DashboardPage.Render(model, "n");

        html.ShouldContain("Champion: <code>lead-a</code>");
        html.ShouldContain("held-out AUC 0.684, log loss 0.629, calibration error 0.024 on 1,039 outcomes");
        html.ShouldContain("Challenger on 10% of artists: <code>lead-b</code>");
    }

    [Fact]
    public void Render_BaselineChampionAndNoCustomers_SaySo()
    {
        var model = new DashboardModel([], Kpis, Samples.Epoch)
        {
            Models = new ModelsView("baseline-1", null, null, 0, []),
            Lookalikes = new LookalikeResult(0, 0, []),
        };

        var html = DashboardPage.Render(model, "n");

        html.ShouldContain("Champion: <code>baseline-1</code> (the baseline formula");
        html.ShouldNotContain("Challenger");
        html.ShouldContain("No customers yet");
    }

    [Fact]
    public void Render_Lookalikes_LinkToTheArtistWithTheSimilarity()
    {
        var model = new DashboardModel([], Kpis, Samples.Epoch) { Lookalikes = new LookalikeResult(2, 2, [new Lookalike("art-9f", "Luna Vale", 0.8765)]) };

        var html = DashboardPage.Render(model, "n");

        html.ShouldContain("Closest to the 2 customers");
        html.ShouldContain("<a href=\"/api/artists/art-9f\">Luna Vale</a> <small>0.88</small>");
    }

    [Fact]
    public void Render_ALeadWithALandingLink_LinksToItsPage()
    {
        var lead = Lead("Luna Vale", "+ big audience");
        var withLink = new DashboardModel([lead, Lead("Rowan Hale", "+ growth") with { ArtistId = "art-2" }], Kpis, Samples.Epoch)
        {
            LandingLinks = new Dictionary<string, Uri> { [lead.ArtistId] = new("https://monaspark.example/l/AbC-12_x?\"<") },
        };

        var html = DashboardPage.Render(withLink, "n");

        html.ShouldContain("<a href=\"https://monaspark.example/l/AbC-12_x?%22%3C\">landing page</a>");
        html.Split("landing page</a>").Length.ShouldBe(2); // one lead has a link, the other none
    }

    [Fact]
    public void Render_OnboardingTimes_TheMedianAndTheShareWithinTheTarget()
    {
        var times = new[] { 70, 100, 140, 200 }.Aggregate(Application.Projections.OnboardingTimes.Empty, (t, sec) => t.Add(TimeSpan.FromSeconds(sec)));
        var model = new DashboardModel([], Kpis with { Onboarding = times }, Samples.Epoch);

        var html = DashboardPage.Render(model, "n");

        html.ShouldContain("<dt>Onboardings completed</dt><dd>4</dd>");
        html.ShouldContain("<dt>Median onboarding</dt><dd>≤ 2m00s</dd>");
        html.ShouldContain("<dt>Within 2m30</dt><dd>75 %</dd>"); // the invariant culture spaces the sign
        DashboardPage.Render(new DashboardModel([], Kpis, Samples.Epoch), "n").ShouldNotContain("Median onboarding");
    }
}

using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;
using MonaSpark.Domain.Outreach.Links;

namespace MonaSpark.EndToEnd;

/// <summary>
/// The landing page and the onboarding form in a real browser (Playwright driving Debian's Chromium,
/// never a downloaded one): a person clicks through the form with JavaScript off and on, and an artist
/// whose name is an attack shows as text, with no dialog and no injected element; the portal's status
/// follows the account live through its nonce'd script.
/// </summary>
public sealed class BrowserTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Exit = TimeSpan.FromSeconds(60);

    private static readonly string[] BrowserArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [Fact(Timeout = 240_000)]
    public async Task Onboarding_ClickedThroughWithJavaScriptOffAndOn_CompletesEachTime()
    {
        using var temp = new TempDirectory();
        var data = await IngestAsync(temp, ("imp-nojs", "Rowan Hale"), ("imp-js", "Ada Quill"));
        await using var host = LocalHostProcess.Start("serve", "--data", data);
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await host.WaitUntilServingAsync(http);
        var tokens = await TokensAsync(data, "imp-nojs", "imp-js");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = BrowserArgs });

        foreach (var (javaScript, token) in new[] { (false, tokens[0]), (true, tokens[1]) })
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScript, BaseURL = host.BaseAddress.ToString() });
            var page = await context.NewPageAsync();
            var dialogs = 0;
            page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
            var clock = Stopwatch.StartNew();

            await page.GotoAsync($"/l/{token}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Get started (2 minutes)" }).ClickAsync();
            (await page.Locator("#answer").InputValueAsync()).ShouldNotBeEmpty(); // the name, from the profile, to confirm
            await Continue(page);
            await page.GetByLabel("Solo artist").CheckAsync();
            await Continue(page);
            await page.GetByLabel("Independent").CheckAsync();
            await Continue(page);
            await page.Locator("#answer").FillAsync("folk");
            await Continue(page);
            await page.Locator("#answer").FillAsync("GB");
            await Continue(page);
            await page.GetByLabel("More shows").CheckAsync();
            await Continue(page);
            await page.Locator("#answer").FillAsync("not an address");
            await Continue(page);
            (await page.Locator("#answer-error").TextContentAsync()).ShouldBe("Enter an e-mail address, like name@example.com."); // beside the field
            await page.Locator("#answer").FillAsync("artist@example.com");
            await Continue(page);
            await page.GetByRole(AriaRole.Radio).First.CheckAsync();
            await Continue(page);

            (await page.Locator("h1").TextContentAsync()).ShouldBe("All done, thank you!");
            dialogs.ShouldBe(0);
            log.WriteLine($"JavaScript {(javaScript ? "on" : "off")}: the scripted onboarding took {clock.Elapsed.TotalSeconds:F2} s");
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task LandingPage_AnArtistNamedLikeAnAttack_ShowsTheNameAsText()
    {
        const string Hostile = "Luna \\\"><img src=x onerror=alert(1)><script>alert(2)</script>";
        using var temp = new TempDirectory();
        var data = await IngestAsync(temp, ("imp-xss", Hostile));
        await using var host = LocalHostProcess.Start("serve", "--data", data);
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await host.WaitUntilServingAsync(http);
        var tokens = await TokensAsync(data, "imp-xss");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = BrowserArgs });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = host.BaseAddress.ToString() });
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        var response = await page.GotoAsync($"/l/{tokens[0]}");

        response!.Status.ShouldBe(200);
        (await page.Locator("h1").TextContentAsync()).ShouldStartWith("Luna \"><img src=x onerror=alert(1)><script>alert(2)</script>,");
        (await page.Locator("script").CountAsync()).ShouldBe(0);
        (await page.Locator("img[onerror]").CountAsync()).ShouldBe(0);
        dialogs.ShouldBe(0);
    }

    [Fact(Timeout = 180_000)]
    public async Task Portal_SignedInWithJavaScript_TheStatusFollowsTheAccountLiveUnderTheCsp()
    {
        using var temp = new TempDirectory();
        var data = await IngestAsync(temp, ("imp-live", "Ada Quill"));
        await using var host = LocalHostProcess.Start("serve", "--data", data);
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await host.WaitUntilServingAsync(http);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = BrowserArgs });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = host.BaseAddress.ToString() });
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);

        await page.GotoAsync("/portal");
        await page.GetByLabel("Your e-mail address").FillAsync("booking@imp-live.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        (await page.Locator("[role=status]").First.TextContentAsync()).ShouldStartWith("If this address is ours");
        var (_, link) = await PortalTests.SignInMailAsync(data);
        await page.GotoAsync(link.PathAndQuery);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        (await page.Locator("h1").TextContentAsync()).ShouldBe("Hello Ada Quill");
        (await page.Locator("#status").TextContentAsync()).ShouldBe("Sign-up not started yet. No subscription.");

        // The artist opens their form elsewhere: the portal's status follows, with no reload.
        (await http.GetAsync(new Uri($"/l/{(await TokensAsync(data, "imp-live"))[0]}/form", UriKind.Relative))).EnsureSuccessStatusCode();
        await page.WaitForFunctionAsync("() => document.getElementById('status').textContent.startsWith('Sign-up in progress: question 1 of')", null, new() { Timeout = 15_000 });
        page.Url.ShouldEndWith("/portal");
        console.ShouldNotContain(m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    private static Task Continue(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

    /// <summary>Ingests one British artist per (id, name).</summary>
    private static async Task<string> IngestAsync(TempDirectory temp, params (string Id, string Name)[] artists)
    {
        var data = Path.Combine(temp.Path, "data");
        var file = Path.Combine(temp.Path, "records.jsonl");
        await File.WriteAllLinesAsync(file, artists.Select(a => ImportSamples.Record(a.Id, a.Name, "GB", "Folk from Leeds")));
        var ingest = await LocalHostProcess.RunAsync(Exit, "ingest", "--source", "import", "--file", file, "--data", data);
        ingest.ExitCode.ShouldBe(0, ingest.Error);
        ingest.Output.ShouldContain($"Accepted {artists.Length}");
        return data;
    }

    /// <summary>A landing link for each imported artist, signed with the key the serving host made.</summary>
    private static async Task<string[]> TokensAsync(string data, params string[] importIds)
    {
        var key = Convert.FromBase64String((await File.ReadAllTextAsync(Path.Combine(data, "secrets", "link-signing.key"))).Trim());
        return [.. importIds.Select(id => LinkToken.Mint(new Domain.Artists.ArtistId(ImportSamples.ArtistId(id)), TimeProvider.System.GetUtcNow().AddDays(30), key))];
    }
}

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

    [Fact(Timeout = 300_000)]
    public async Task Onboarding_OfflineInTheMiddle_CarriesOn_AndTheAnswersArriveExactlyOnce()
    {
        using var temp = new TempDirectory();
        var data = await IngestAsync(temp, ("imp-offline", "Mara Lind"), ("imp-lost", "Ines Vale"));
        var (publicKey, privateKey) = VapidKeys();
        await using var host = LocalHostProcess.Start(
            new Dictionary<string, string> { ["MonaSpark__WebPush__PublicKey"] = publicKey, ["MonaSpark__WebPush__PrivateKey"] = privateKey },
            "serve", "--data", data);
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await host.WaitUntilServingAsync(http);
        var tokens = await TokensAsync(data, "imp-offline", "imp-lost");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = BrowserArgs });

        // 1. Offline in the middle, with the service worker: the form carries on, survives a reload, and sends everything once back online.
        await using (var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString() }))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/l/{tokens[0]}/form");
            await page.EvaluateAsync("async () => { await navigator.serviceWorker.ready; }");
            await Continue(page); // the name, from the profile
            await page.GetByLabel("Solo artist").CheckAsync();
            await Continue(page);

            await context.SetOfflineAsync(true);
            await page.GetByLabel("Independent").CheckAsync();
            await Continue(page);
            (await page.Locator("#form-status").TextContentAsync()).ShouldStartWith("You are offline.");
            await page.Locator("#answer").FillAsync("folk");
            await Continue(page);
            await page.Locator("#answer").FillAsync("not a country!");
            await Continue(page);
            (await page.Locator("#answer-error").TextContentAsync()).ShouldBe("Enter a two-letter country code, like GB or FR."); // checked on the device too
            await page.Locator("#answer").FillAsync("GB");
            await Continue(page);

            await page.ReloadAsync(); // still offline: the page and the kept answers come back
            (await page.Locator("legend").TextContentAsync()).ShouldBe("What matters most to you in the next three months?");
            await page.GetByLabel("More shows").CheckAsync();
            await Continue(page);
            await page.Locator("#answer").FillAsync("mara@example.com");
            await Continue(page);
            await page.GetByRole(AriaRole.Radio).First.CheckAsync();
            await Continue(page);
            (await page.Locator("h1").TextContentAsync()).ShouldBe("Your answers are saved on this device");
            (await CompletedAsync(http)).ShouldBe(0); // nothing reached the server yet

            await context.SetOfflineAsync(false);
            await page.Locator("h1", new() { HasText = "All done, thank you!" }).WaitForAsync(new() { Timeout = 30_000 });
            (await page.Locator("#form-status").TextContentAsync()).ShouldBe("Back online: your answers are sent.");
            (await AnswersAsync(page)).ShouldBe(new Dictionary<string, string>
            {
                ["name"] = "Mara Lind", ["act"] = "solo", ["deal"] = "independent", ["genre"] = "folk", ["country"] = "GB",
                ["goal"] = "shows", ["email"] = "mara@example.com", ["plan"] = "spark-monthly",
            }, ignoreOrder: true);
            (await page.EvaluateAsync<int>("() => JSON.parse(localStorage.getItem('monaspark:form:' + JSON.parse(document.getElementById('form-data').textContent).action)).queue.length")).ShouldBe(0);

            // After signup: web push is offered, and a subscription is taken once.
            (await page.Locator("#push").IsVisibleAsync()).ShouldBeTrue();
            var subscribe = """
                async () => {
                  const data = JSON.parse(document.getElementById('form-data').textContent);
                  const subscription = { endpoint: 'https://push.example.net/send/e2e', keys: { p256dh: 'BOr2jAlFnWwHNWtxcPXx7Jse8lz1g0lLr2Sxf-3W84aAShk8q_pTv0kpcGZH7M3dr0xp1G0B7Q8hTpLzOdvAfwU', auth: '8eDyX_uCN0XRhSbY5hs7Hg' } };
                  const post = () => fetch(data.push.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ csrf: data.csrf, subscription }) }).then(r => r.status);
                  return [await post(), await post()];
                }
                """;
            (await page.EvaluateAsync<int[]>(subscribe)).ShouldBe([204, 204]);
        }

        // 2. A response lost on the way back (the server took the answer, the browser never heard): the
        //    answer is sent again with its id and taken once. The lost one is a "Back": taken twice, it
        //    would forget a second answer and the form could not complete.
        await using (var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), ServiceWorkers = ServiceWorkerPolicy.Block }))
        {
            var page = await context.NewPageAsync();
            var sent = new List<string>();
            var lost = 0;
            await page.RouteAsync("**/form", async route =>
            {
                var body = route.Request.Method == "POST" ? route.Request.PostData ?? string.Empty : string.Empty;
                if (body.Length > 0)
                {
                    sent.Add(body);
                }

                if (body.Contains("back=1", StringComparison.Ordinal) && Interlocked.Increment(ref lost) == 1)
                {
                    await route.FetchAsync(); // the server takes it ...
                    await route.AbortAsync("connectionreset"); // ... and the answer never arrives
                    return;
                }

                await route.ContinueAsync();
            });
            await page.GotoAsync($"/l/{tokens[1]}/form");
            await Continue(page);
            await page.GetByLabel("Solo artist").CheckAsync();
            await Continue(page);
            await page.GetByLabel("Independent").CheckAsync();
            await Continue(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
            await page.GetByLabel("Signed to a label").WaitForAsync();
            (await page.Locator("#form-status").TextContentAsync()).ShouldNotBeNullOrEmpty(); // kept, to be sent again
            await page.GetByLabel("Signed to a label").CheckAsync();
            await Continue(page);
            await page.Locator("#answer").FillAsync("Night Owl Records");
            await Continue(page);
            await page.Locator("#answer").FillAsync("folk");
            await Continue(page);
            await Continue(page); // the country, from the profile
            await page.GetByLabel("More fans who stay").CheckAsync();
            await Continue(page);
            await page.Locator("#answer").FillAsync("ines@example.com");
            await Continue(page);
            await page.GetByRole(AriaRole.Radio).First.CheckAsync();
            await Continue(page);

            await page.Locator("h1", new() { HasText = "All done, thank you!" }).WaitForAsync(new() { Timeout = 30_000 });
            var backs = sent.Where(b => b.Contains("back=1", StringComparison.Ordinal)).ToList();
            backs.Count.ShouldBe(2); // sent twice ...
            backs.Distinct().ShouldHaveSingleItem(); // ... as the same answer, with the same id
            (await AnswersAsync(page))["label"].ShouldBe("Night Owl Records");
            (await AnswersAsync(page))["act"].ShouldBe("solo");
        }

        // Each artist completed once: two signups, whatever was sent twice.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await CompletedAsync(http) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        await Task.Delay(1_500);
        (await CompletedAsync(http)).ShouldBe(2);
    }

    /// <summary>
    /// Continue, then wait until the form moved on (another question, a refusal, or no question: done or saved);
    /// with JavaScript the step is swapped in place, so the click alone does not say when.
    /// </summary>
    private static async Task Continue(IPage page)
    {
        var question = page.Locator("input[name=question]");
        var before = await question.CountAsync() > 0 ? await question.GetAttributeAsync("value") : null;
        var refused = await page.Locator("#answer-error").CountAsync() > 0;
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForFunctionAsync(
            "([before, refused]) => { const q = document.querySelector('input[name=question]'); return !q || q.value !== before || (!refused && document.getElementById('answer-error') !== null); }",
            new object?[] { before, refused });
    }

    /// <summary>The answers the server holds, from the form's description on the page.</summary>
    private static Task<Dictionary<string, string>> AnswersAsync(IPage page) =>
        page.EvaluateAsync<Dictionary<string, string>>("() => JSON.parse(document.getElementById('form-data').textContent).answers");

    /// <summary>Completed onboardings, from the KPIs (the funnel projection of the journal's SignupCompleted).</summary>
    private static async Task<long> CompletedAsync(HttpClient http)
    {
        using var kpis = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/kpis", UriKind.Relative)));
        return kpis.RootElement.TryGetProperty("onboarding", out var onboarding) && onboarding.ValueKind == System.Text.Json.JsonValueKind.Object
            ? onboarding.GetProperty("completed").GetInt64()
            : 0;
    }

    /// <summary>A VAPID key pair (P-256), base64url, as the push channel is configured with.</summary>
    private static (string PublicKey, string PrivateKey) VapidKeys()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        static string Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (Url([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]), Url(parameters.D!));
    }

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

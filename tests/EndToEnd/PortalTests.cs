using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace MonaSpark.EndToEnd;

/// <summary>
/// <c>/portal</c> on <c>serve</c>: an ingested artist asks for a link, follows the one the outbox holds,
/// sees their account, gets a live event when it changes, exports their data, and cannot reuse the link.
/// </summary>
public sealed class PortalTests
{
    private static readonly TimeSpan Exit = TimeSpan.FromSeconds(60);

    [Fact(Timeout = 180_000)]
    public async Task Portal_SignInByTheOutboxLink_AccountLiveEventsExport_AndTheLinkWorksOnce()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        var file = Path.Combine(temp.Path, "records.jsonl");
        await File.WriteAllLinesAsync(file, [ImportSamples.Record("imp-portal", "Zélie Marée", "FR", "Chanson from Lyon")]);
        (await LocalHostProcess.RunAsync(Exit, "ingest", "--source", "import", "--file", file, "--data", data)).ExitCode.ShouldBe(0);

        await using var host = LocalHostProcess.Start("serve", "--data", data);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        await host.WaitUntilServingAsync(http);

        var signInPage = await http.GetAsync(new Uri("/portal", UriKind.Relative));
        signInPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        signInPage.Headers.CacheControl!.NoStore.ShouldBeTrue();
        signInPage.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'none'");

        // A stranger and the artist get the same answer; only the artist gets a mail.
        var stranger = await PostAsync(http, "/portal/sign-in", [new("email", "nobody@stranger.example")]);
        var known = await PostAsync(http, "/portal/sign-in", [new("email", "booking@imp-portal.example")]);
        stranger.StatusCode.ShouldBe(HttpStatusCode.OK);
        known.StatusCode.ShouldBe(HttpStatusCode.OK);
        WithoutNonce(await known.Content.ReadAsStringAsync()).ShouldBe(WithoutNonce(await stranger.Content.ReadAsStringAsync()));
        (await PostAsync(http, "/portal/sign-in", [new("email", "not an address")])).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync(http, "/portal/sign-in", [new("email", "booking@imp-portal.example")], site: "cross-site")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var (mail, link) = await SignInMailAsync(data);
        mail.To.Mailboxes.Single().Address.ShouldBe("booking@imp-portal.example");
        mail.Headers.Contains("List-Unsubscribe").ShouldBeFalse();
        var token = Uri.UnescapeDataString(link.Query["?t=".Length..]);

        // Opening the link signs nobody in; pressing the button does, once.
        var confirm = await http.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        confirm.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csrf = Field(await confirm.Content.ReadAsStringAsync(), "csrf");
        (await PostAsync(http, "/portal/enter", [new("t", token), new("csrf", "forged")])).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var entered = await PostAsync(http, "/portal/enter", [new("t", token), new("csrf", csrf)]);
        entered.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        entered.Headers.Location!.OriginalString.ShouldBe("/portal");
        var setCookie = entered.Headers.GetValues("Set-Cookie").Single();
        setCookie.ShouldContain("httponly", Case.Insensitive);
        setCookie.ShouldContain("samesite=strict", Case.Insensitive);
        setCookie.ShouldContain("path=/portal", Case.Insensitive);
        var cookie = setCookie.Split(';')[0];

        var replay = await PostAsync(http, "/portal/enter", [new("t", token), new("csrf", csrf)]);
        replay.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await replay.Content.ReadAsStringAsync()).ShouldContain("used already");

        using var account = Get("/portal", cookie);
        var page = await http.SendAsync(account);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.CacheControl!.NoStore.ShouldBeTrue();
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'nonce-");
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("<html lang=\"fr\">");
        html.ShouldContain("Inscription pas encore commenc");

        // Live: the first event at once, another when the account changes (a plan change, journalled and projected).
        using var events = Get("/portal/events", cookie);
        using var stream = await http.SendAsync(events, HttpCompletionOption.ResponseHeadersRead);
        stream.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        stream.Headers.CacheControl!.NoStore.ShouldBeTrue();
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        (await NextEventAsync(reader)).ShouldContain("\"subscription\":\"none\"");
        (await PostAsync(http, "/portal/plan", [new("plan", "spark-monthly"), new("csrf", Field(html, "csrf"))], cookie)).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        (await NextEventAsync(reader)).ShouldContain("\"status\":");

        using var exportRequest = Get("/portal/export", cookie);
        var export = await http.SendAsync(exportRequest);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        export.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var json = await export.Content.ReadAsStringAsync();
        json.ShouldContain("booking@imp-portal.example");
        json.ShouldContain("PlanChangeRequested");
        (await http.GetAsync(new Uri("/portal/export", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Plan change and sign-out are refused without the page's csrf value; sign-out clears the cookie.
        (await PostAsync(http, "/portal/plan", [new("plan", "spark-monthly"), new("csrf", "forged")], cookie)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(http, "/portal/plan", [new("plan", "no-such-plan"), new("csrf", Field(html, "csrf"))], cookie)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var signedOut = await PostAsync(http, "/portal/sign-out", [new("csrf", Field(html, "csrf"))], cookie);
        signedOut.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        signedOut.Headers.Location!.OriginalString.ShouldBe("/portal?signed-out=1");
        signedOut.Headers.GetValues("Set-Cookie").Single().ShouldStartWith("monaspark-portal=;");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, KeyValuePair<string, string>[] form, string? cookie = null, string site = "same-origin")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Sec-Fetch-Site", site);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await http.SendAsync(request);
    }

    private static HttpRequestMessage Get(string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    /// <summary>The page without its per-response nonce.</summary>
    private static string WithoutNonce(string html) => Regex.Replace(html, "nonce=\"[^\"]*\"", "nonce", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static string Field(string html, string name) =>
        System.Net.WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value);

    /// <summary>The one sign-in e-mail in the serving host's outbox, and its link.</summary>
    internal static async Task<(MimeMessage Mail, Uri Link)> SignInMailAsync(string data)
    {
        var mail = await MimeMessage.LoadAsync(await OutboxMailAsync(Path.Combine(data, "outbox", "email")));
        return (mail, new Uri(Regex.Match(mail.TextBody ?? string.Empty, @"http://\S+/portal/enter\?t=\S+", RegexOptions.None, TimeSpan.FromSeconds(1)).Value));
    }

    private static async Task<string> OutboxMailAsync(string directory)
    {
        for (var i = 0; i < 100; i++)
        {
            if (Directory.Exists(directory) && Directory.GetFiles(directory, "*.eml") is [var only])
            {
                return only;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No sign-in e-mail in the outbox.");
    }

    private static async Task<string> NextEventAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line == "event: account")
            {
                return (await reader.ReadLineAsync(timeout.Token))!;
            }
        }

        throw new EndOfStreamException();
    }
}

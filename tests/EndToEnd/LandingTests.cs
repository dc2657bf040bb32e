using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MonaSpark.Domain.Outreach.Links;

namespace MonaSpark.EndToEnd;

/// <summary><c>/l/{token}</c> on <c>serve</c>: an ingested artist's page with a link signed by the host's own key, its cache headers, 304s, the view beacon, and invalid and expired links.</summary>
public sealed class LandingTests
{
    private static readonly TimeSpan Exit = TimeSpan.FromSeconds(60);

    [Fact(Timeout = 180_000)]
    public async Task LandingPage_CachedAtTheEdge_RevalidatedWithItsETag_ViewsCountedByTheBeacon()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        var file = Path.Combine(temp.Path, "records.jsonl");
        await File.WriteAllLinesAsync(file, [ImportSamples.Record("imp-land", "Zélie Marée", "FR", "Chanson from Lyon")]);
        var ingest = await LocalHostProcess.RunAsync(Exit, "ingest", "--source", "import", "--file", file, "--data", data);
        ingest.ExitCode.ShouldBe(0, ingest.Error);

        await using var host = LocalHostProcess.Start("serve", "--data", data);
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await host.WaitUntilServingAsync(http);
        var key = Convert.FromBase64String((await File.ReadAllTextAsync(Path.Combine(data, "secrets", "link-signing.key"))).Trim());
        var artist = new Domain.Artists.ArtistId(ImportSamples.ArtistId("imp-land"));
        var token = LinkToken.Mint(artist, TimeProvider.System.GetUtcNow().AddDays(30), key);

        var page = await http.GetAsync(new Uri($"/l/{token}", UriKind.Relative));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("<html lang=\"fr\">");
        html.ShouldContain("Z&#xE9;lie Mar&#xE9;e");
        html.ShouldContain("19,00 EUR");
        var cache = page.Headers.CacheControl!;
        cache.Public.ShouldBeTrue();
        cache.SharedMaxAge.ShouldBe(TimeSpan.FromMinutes(5));
        cache.MaxAge.ShouldBe(TimeSpan.Zero);
        page.Headers.GetValues("Cache-Control").Single().ShouldContain("stale-while-revalidate=86400");
        var etag = page.Headers.ETag!;
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Regex.Match(policy, "'nonce-([^']+)'", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value;
        html.ShouldContain($"<style nonce=\"{nonce}\">");
        policy.ShouldContain("default-src 'none'");
        policy.ShouldNotContain("script-src");

        // The same page again: the same ETag and nonce (a cached body and its header stay in step); a revalidation is a 304.
        var again = await http.GetAsync(new Uri($"/l/{token}", UriKind.Relative));
        again.Headers.ETag.ShouldBe(etag);
        again.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(policy);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, new Uri($"/l/{token}", UriKind.Relative));
        revalidate.Headers.IfNoneMatch.Add(etag);
        var notModified = await http.SendAsync(revalidate);
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        notModified.Headers.ETag.ShouldBe(etag);
        using var stale = new HttpRequestMessage(HttpMethod.Get, new Uri($"/l/{token}", UriKind.Relative));
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"older\""));
        (await http.SendAsync(stale)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The beacon is never cached, whatever caches the page.
        var beacon = await http.GetAsync(new Uri($"/l/{token}/v?variant=intro", UriKind.Relative));
        beacon.StatusCode.ShouldBe(HttpStatusCode.OK);
        beacon.Content.Headers.ContentType!.MediaType.ShouldBe("image/gif");
        beacon.Headers.CacheControl!.NoStore.ShouldBeTrue();

        // Invalid and expired links: friendly pages, 404 and 410.
        var unknown = await http.GetAsync(new Uri("/l/not-a-link", UriKind.Relative));
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("This link is not valid");
        var expired = await http.GetAsync(new Uri($"/l/{LinkToken.Mint(artist, TimeProvider.System.GetUtcNow().AddMinutes(-1), key)}", UriKind.Relative));
        expired.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await expired.Content.ReadAsStringAsync()).ShouldContain("This offer has ended");
        (await http.GetAsync(new Uri("/l/not-a-link/v", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The profile says there is no current landing link yet: no message has carried one.
        var profile = await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/artists/{artist.Value}", UriKind.Relative));
        profile.GetProperty("landingUrl").ValueKind.ShouldBe(JsonValueKind.Null);

        // The form's static assets: named by their content, immutable for a year, precompressed, 304 on revalidation;
        // the service worker at its fixed name, always revalidated; an old or made-up name is a 404.
        var formHtml = await http.GetStringAsync(new Uri($"/l/{token}/form", UriKind.Relative));
        var script = Regex.Match(formHtml, "src=\"(/assets/form\\.[0-9a-f]{12}\\.js)\"", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value;
        script.ShouldNotBeEmpty();
        using var getScript = new HttpRequestMessage(HttpMethod.Get, new Uri(script, UriKind.Relative));
        getScript.Headers.AcceptEncoding.ParseAdd("gzip, br");
        var asset = await http.SendAsync(getScript);
        asset.StatusCode.ShouldBe(HttpStatusCode.OK);
        asset.Headers.GetValues("Cache-Control").Single().ShouldBe("public, max-age=31536000, immutable");
        asset.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        asset.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        using var revalidateScript = new HttpRequestMessage(HttpMethod.Get, new Uri(script, UriKind.Relative));
        revalidateScript.Headers.IfNoneMatch.Add(asset.Headers.ETag!);
        (await http.SendAsync(revalidateScript)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await http.GetAsync(new Uri("/assets/form.000000000000.js", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var worker = await http.GetAsync(new Uri("/sw.js", UriKind.Relative));
        worker.Headers.CacheControl!.NoCache.ShouldBeTrue();
        (await worker.Content.ReadAsStringAsync()).ShouldContain($"\"{script}\"");
    }

    [Fact(Timeout = 180_000)]
    public async Task OnboardingForm_WithoutJavaScript_CompletedByPlainPosts_AndForgedPostsRefused()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        var file = Path.Combine(temp.Path, "records.jsonl");
        await File.WriteAllLinesAsync(file, [ImportSamples.Record("imp-form", "Rowan Hale", "GB", "Folk from Leeds")]);
        (await LocalHostProcess.RunAsync(Exit, "ingest", "--source", "import", "--file", file, "--data", data)).ExitCode.ShouldBe(0);

        await using var host = LocalHostProcess.Start("serve", "--data", data);
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await host.WaitUntilServingAsync(http);
        var key = Convert.FromBase64String((await File.ReadAllTextAsync(Path.Combine(data, "secrets", "link-signing.key"))).Trim());
        var token = LinkToken.Mint(new Domain.Artists.ArtistId(ImportSamples.ArtistId("imp-form")), TimeProvider.System.GetUtcNow().AddDays(30), key);
        var form = new Uri($"/l/{token}/form", UriKind.Relative);

        var first = await http.GetAsync(form);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var html = await first.Content.ReadAsStringAsync();
        html.ShouldContain("From your profile: Rowan Hale.");
        var csrf = Regex.Match(html, "name=\"csrf\" value=\"([^\"]+)\"", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value;
        csrf.ShouldNotBeEmpty();

        // Forged posts: no token, a wrong one, another site's Origin, a cross-site fetch.
        (await http.PostAsync(form, Answer("name", "Mallory", csrf: null))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await http.PostAsync(form, Answer("name", "Mallory", csrf: "forged"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var crossOrigin = new HttpRequestMessage(HttpMethod.Post, form) { Content = Answer("name", "Mallory", csrf) })
        {
            crossOrigin.Headers.Add("Origin", "https://evil.example");
            var refused = await http.SendAsync(crossOrigin);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        using (var crossSite = new HttpRequestMessage(HttpMethod.Post, form) { Content = Answer("name", "Mallory", csrf) })
        {
            crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
            (await http.SendAsync(crossSite)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var opaque = new HttpRequestMessage(HttpMethod.Post, form) { Content = Answer("name", "Mallory", csrf) })
        {
            opaque.Headers.Add("Origin", "null"); // a sandboxed frame, or a page that sends no referrer, without a same-origin fetch
            (await http.SendAsync(opaque)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        // A refused answer: the same question, the reason beside the field, 400.
        (await http.PostAsync(form, Answer("name", "Rowan Hale", csrf))).StatusCode.ShouldBe(HttpStatusCode.OK); // 303, then the next question
        var refusedAnswer = await http.PostAsync(form, Answer("act", "orchestra", csrf));
        refusedAnswer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refusedAnswer.Content.ReadAsStringAsync()).ShouldContain("id=\"answer-error\" role=\"alert\">Pick one of the options.");

        // The rest, as a browser without JavaScript sends it (each POST answered 303 and followed).
        foreach (var (question, answer) in new[] { ("act", "solo"), ("deal", "independent"), ("genre", "folk"), ("country", "GB"), ("goal", "shows"), ("email", "rowan@example.com"), ("plan", "spark-monthly") })
        {
            var response = await http.PostAsync(form, Answer(question, answer, csrf));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, question);
            response.RequestMessage!.Method.ShouldBe(HttpMethod.Get, question); // POST-redirect-GET
        }

        var done = await (await http.GetAsync(form)).Content.ReadAsStringAsync();
        done.ShouldContain("All done, thank you!");
    }

    private static FormUrlEncodedContent Answer(string question, string answer, string? csrf) =>
        new([new("question", question), new("answer", answer), .. csrf is null ? Array.Empty<KeyValuePair<string, string>>() : [new("csrf", csrf)]]);
}

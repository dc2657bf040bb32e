using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MonaSpark.EndToEnd;

/// <summary><c>serve</c> and its write route <c>POST /api/ingest</c>, which needs the API key.</summary>
public sealed class ServeTests
{
    [Fact(Timeout = 120_000)]
    public async Task PostIngest_NeedsTheKey_ThenStartsARun()
    {
        using var temp = new TempDirectory();
        await using var host = LocalHostProcess.Start(
            new Dictionary<string, string> { ["MonaSpark__LocalHost__ApiKey"] = "s3cret-test-key" },
            "serve", "--data", Path.Combine(temp.Path, "data"));
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await host.WaitUntilServingAsync(http);

        var anonymous = await http.PostAsync(new Uri("/api/ingest", UriKind.Relative), Json("{}"));
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        using var wrongKey = Request("{}", "wrong");
        (await http.SendAsync(wrongKey)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var badBody = Request("{\"maxPages\": 0}", "s3cret-test-key");
        (await http.SendAsync(badBody)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var run = Request("{\"force\": true}", "s3cret-test-key");
        var accepted = await http.SendAsync(run);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await accepted.Content.ReadFromJsonAsync<JsonElement>()).ValueKind.ShouldBe(JsonValueKind.Object);

        // Review decisions are a write route too.
        (await http.PostAsync(new Uri("/api/reviews/rev-abc", UriKind.Relative), Json("{\"decision\":\"accept\"}"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var maybe = Request("{\"decision\":\"maybe\"}", "s3cret-test-key", "/api/reviews/rev-abc");
        (await http.SendAsync(maybe)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var unknown = Request("{\"decision\":\"reject\"}", "s3cret-test-key", "/api/reviews/rev-abc");
        (await http.SendAsync(unknown)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetAsync(new Uri("/api/reviews", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static HttpRequestMessage Request(string body, string key, string path = "/api/ingest")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = Json(body) };
        request.Headers.Add("X-Api-Key", key);
        return request;
    }
}

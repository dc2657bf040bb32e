using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach.Links;

namespace MonaSpark.EndToEnd;

/// <summary><c>/u/{token}</c> and <c>/api/webhooks/{provider}</c> on <c>serve</c>, with a link signed by the host's own key.</summary>
public sealed class UnsubscribeTests
{
    private static readonly ArtistId Artist = new("art-0e2e0000000000000001");

    [Fact(Timeout = 120_000)]
    public async Task UnsubscribeLink_BadLinksRefused_ASignedLinkUnsubscribesOnce()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        await using var host = LocalHostProcess.Start("serve", "--data", data);
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await host.WaitUntilServingAsync(http);

        var unknown = await http.GetAsync(new Uri("/u/not-a-link", UriKind.Relative));
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("This link is not valid");

        var unknownPost = await http.PostAsync(new Uri("/u/not-a-link", UriKind.Relative), OneClick());
        unknownPost.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknownPost.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");

        var webhook = await http.PostAsync(new Uri("/api/webhooks/nope", UriKind.Relative), new StringContent("{}"));
        webhook.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        webhook.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        // A link as a journey mints it: the host's own key, made in the data directory at start.
        var key = Convert.FromBase64String((await File.ReadAllTextAsync(Path.Combine(data, "secrets", "link-signing.key"))).Trim());
        var token = LinkToken.Mint(Artist, TimeProvider.System.GetUtcNow().AddDays(30), key);
        var link = new Uri($"/u/{token}", UriKind.Relative);

        var notOneClick = await http.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "Maybe")]));
        notOneClick.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        notOneClick.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var noField = await http.PostAsync(link, new FormUrlEncodedContent([new("from", "page")]));
        noField.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        noField.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var noBody = new StringContent(string.Empty);
        (await http.PostAsync(link, noBody)).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // RFC 8058: the form is the request

        // Opening the link never unsubscribes by itself: it asks for one press.
        var page = await http.GetAsync(link);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain($"<form method=\"post\" action=\"/u/{token}\">");
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Regex.Match(policy, "'nonce-([^']+)'", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value;
        nonce.ShouldNotBeEmpty();
        html.ShouldContain($"<style nonce=\"{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(nonce)}\">");
        policy.ShouldContain("default-src 'none'");
        page.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await CountAsync(data, "SELECT COUNT(*) FROM opt_outs")).ShouldBe(0);

        var done = await http.PostAsync(link, OneClick());
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await done.Content.ReadAsStringAsync()).ShouldContain("You are unsubscribed");

        var again = await http.PostAsync(link, OneClick(fromPage: true));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldContain("You are unsubscribed");

        // One objection on every channel ('*'), journalled once with how it came.
        (await CountAsync(data, "SELECT COUNT(*) FROM opt_outs WHERE artist_id = @artist AND channel = '*'")).ShouldBe(1);
        (await CountAsync(data, "SELECT COUNT(*) FROM opt_outs")).ShouldBe(1);
        (await CountAsync(data, "SELECT COUNT(*) FROM journal WHERE stream_id = @artist AND type = 'OptedOut' AND data LIKE '%list-unsubscribe-one-click%'")).ShouldBe(1);
        (await CountAsync(data, "SELECT COUNT(*) FROM journal WHERE type = 'OptedOut'")).ShouldBe(1);
    }

    private static FormUrlEncodedContent OneClick(bool fromPage = false) =>
        new(fromPage ? [new("List-Unsubscribe", "One-Click"), new("from", "page")] : [new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]);

    /// <summary>Reads the running host's database (WAL: a reader does not disturb it).</summary>
    private static async Task<long> CountAsync(string data, string sql)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(data, "monaspark.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@artist", Artist.Value);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

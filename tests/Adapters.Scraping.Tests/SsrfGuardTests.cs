using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MonaSpark.Adapters.Scraping.Fetching;
using MonaSpark.Adapters.Scraping.Safety;
using MonaSpark.Sources.WebFixtures;

namespace MonaSpark.Adapters.Scraping.Tests;

public sealed class SsrfGuardTests : IAsyncLifetime
{
    private static readonly string[] Allowed =
    [
        "fine.test", "evil.test", "intranet.test", "loop.test", "mixed.test", "private172.test", "private192.test", "cgnat.test",
        "multicast.test", "zero.test", "v6loop.test", "v6linklocal.test", "v6ula.test", "v6mapped.test", "nxdomain.test",
    ];

    private readonly TestDnsResolver _dns = new();
    private WebFixtureServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await WebFixtureServer.StartAsync(app => app.MapGet("/go", (string to) => Results.Redirect(to)));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private HttpPageFetcher Fetcher(out IServiceProvider services)
    {
        // mixed.test may resolve to loopback, so only its 10.0.0.5 answer can refuse it: every address is checked.
        var host = ScrapingHost.Build(ScrapingHost.Settings(Allowed, ["fine.test", "mixed.test"]), _dns);
        services = host.Services;
        return host.Services.GetRequiredService<HttpPageFetcher>();
    }

    private string Fine(string pathAndQuery) => $"http://fine.test:{_server.BaseUri.Port}{pathAndQuery}";

    [Theory(Timeout = 15_000)]
    [InlineData("evil.test", "link-local")]
    [InlineData("intranet.test", "private")]
    [InlineData("loop.test", "loopback")]
    [InlineData("mixed.test", "private")]
    [InlineData("private172.test", "private")]
    [InlineData("private192.test", "private")]
    [InlineData("cgnat.test", "cgnat")]
    [InlineData("multicast.test", "multicast")]
    [InlineData("zero.test", "unspecified")]
    [InlineData("v6loop.test", "loopback")]
    [InlineData("v6linklocal.test", "link-local")]
    [InlineData("v6ula.test", "private")]
    [InlineData("v6mapped.test", "private")]
    [InlineData("nxdomain.test", "no address")]
    public async Task Fetch_HostResolvingToForbiddenAddress_RefusedBeforeAnySocketOpens(string host, string kind)
    {
        using var listener = new CountingListener();
        var sut = Fetcher(out _);

        var ex = await Should.ThrowAsync<PageRefusedException>(() => sut.FetchAsync(new Uri($"http://{host}:{listener.Port}/page")));

        ex.Reason.ShouldBe(RefusalReason.Address);
        ex.Message.ShouldContain(kind);
        _dns.Lookups.ShouldContain(host);
        await Task.Delay(100);
        listener.Accepted.ShouldBe(0);
    }

    [Fact(Timeout = 15_000)]
    public async Task Fetch_LoopbackAllowedForTestHost_ConnectsAndReadsPage()
    {
        var sut = Fetcher(out _);

        var page = await sut.FetchAsync(new Uri(Fine("/luna-vale/")));

        page.Html.ShouldContain("Luna Vale");
        _server.Requests.ShouldContain(r => r.PathAndQuery == "/luna-vale/" && r.UserAgent == WebScrapingOptions.DefaultUserAgent);
    }

    [Theory(Timeout = 15_000)]
    [InlineData("ftp://fine.test/file")]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://fine.test:70/_GET")]
    [InlineData("data:text/html,<h1>x</h1>")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://user:secret@fine.test/")]
    public async Task Fetch_NonHttpSchemeOrCredentials_RefusedWithoutLookup(string url)
    {
        var sut = Fetcher(out _);

        var ex = await Should.ThrowAsync<PageRefusedException>(() => sut.FetchAsync(new Uri(url)));

        ex.Reason.ShouldBe(RefusalReason.Scheme);
        _dns.Lookups.ShouldBeEmpty();
    }

    [Fact(Timeout = 15_000)]
    public async Task Fetch_HostNotOnAllowList_RefusedWithoutLookup()
    {
        var sut = Fetcher(out _);

        var ex = await Should.ThrowAsync<PageRefusedException>(() => sut.FetchAsync(new Uri("http://attacker.test/")));

        ex.Reason.ShouldBe(RefusalReason.Domain);
        _dns.Lookups.ShouldBeEmpty();
    }

    [Fact(Timeout = 15_000)]
    public async Task Fetch_RedirectToLoopbackHost_RefusedBeforeSocketOpens()
    {
        using var listener = new CountingListener();
        var sut = Fetcher(out _);

        var ex = await Should.ThrowAsync<PageRefusedException>(() =>
            sut.FetchAsync(new Uri(Fine($"/go?to={Uri.EscapeDataString($"http://loop.test:{listener.Port}/admin")}"))));

        ex.Reason.ShouldBe(RefusalReason.Address);
        listener.Accepted.ShouldBe(0);
        _server.CountRequests("/go").ShouldBe(1);
    }

    [Theory(Timeout = 15_000)]
    [InlineData("http://intranet.test/", RefusalReason.Address)]
    [InlineData("http://169.254.169.254/latest/meta-data/", RefusalReason.Domain)]
    [InlineData("http://attacker.test/", RefusalReason.Domain)]
    [InlineData("file:///etc/passwd", RefusalReason.Scheme)]
    [InlineData("/private/press-kit/", RefusalReason.Robots)]
    public async Task Fetch_RedirectFromAllowedPage_TargetRechecked(string target, RefusalReason reason)
    {
        var sut = Fetcher(out _);

        var ex = await Should.ThrowAsync<PageRefusedException>(() => sut.FetchAsync(new Uri(Fine($"/go?to={Uri.EscapeDataString(target)}"))));

        ex.Reason.ShouldBe(reason);
        _server.CountRequests("/private").ShouldBe(0);
    }

    [Fact(Timeout = 15_000)]
    public async Task Fetch_RedirectChainEndingOnMetadataHost_EveryHopChecked()
    {
        var sut = Fetcher(out _);
        var last = $"/go?to={Uri.EscapeDataString("http://evil.test/latest/meta-data/")}";
        var middle = $"/go?to={Uri.EscapeDataString(last)}";

        var ex = await Should.ThrowAsync<PageRefusedException>(() => sut.FetchAsync(new Uri(Fine($"/go?to={Uri.EscapeDataString(middle)}"))));

        ex.Reason.ShouldBe(RefusalReason.Address);
        _server.CountRequests("/go").ShouldBe(3);
        _dns.Lookups.ShouldContain("evil.test");
    }

    [Fact(Timeout = 15_000)]
    public async Task Fetch_AllowedRedirectChain_FollowedToThePage()
    {
        var sut = Fetcher(out _);
        var hop = $"/go?to={Uri.EscapeDataString("/zelie-maree/")}";

        var page = await sut.FetchAsync(new Uri(Fine($"/go?to={Uri.EscapeDataString(hop)}")));

        page.FinalUrl.AbsolutePath.ShouldBe("/zelie-maree/");
        page.Html.ShouldContain("Zélie Marée");
    }

    [Fact(Timeout = 15_000)]
    public async Task Fetch_MoreThanFiveRedirects_Refused()
    {
        var sut = Fetcher(out _);
        var url = "/zelie-maree/";
        for (var i = 0; i < 6; i++)
        {
            url = $"/go?to={Uri.EscapeDataString(url)}";
        }

        var ex = await Should.ThrowAsync<PageRefusedException>(() => sut.FetchAsync(new Uri(Fine(url))));

        ex.Reason.ShouldBe(RefusalReason.Redirect);
        _server.CountRequests("/zelie-maree/").ShouldBe(0);
    }

    [Theory(Timeout = 5_000)]
    [InlineData("8.8.8.8", null)]
    [InlineData("2606:4700:4700::1111", null)]
    [InlineData("100.63.255.255", null)]
    [InlineData("100.64.0.0", "cgnat")]
    [InlineData("172.32.0.1", null)]
    [InlineData("172.31.255.255", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("fe80::abcd", "link-local")]
    [InlineData("fc00::1", "private")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::", "unspecified")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("2002:0a00:0005::1", "private")]
    public async Task Classify_Address_MatchesRange(string address, string? kind)
    {
        await Task.Yield();
        AddressPolicy.Classify(System.Net.IPAddress.Parse(address)).ShouldBe(kind);
    }
}

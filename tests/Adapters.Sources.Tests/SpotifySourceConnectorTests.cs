using Microsoft.Extensions.DependencyInjection;
using MonaSpark.Application.Ports;
using MonaSpark.Sources.Recordings;

namespace MonaSpark.Adapters.Sources.Tests;

public class SpotifySourceConnectorTests
{
    private const int Timeout = 15_000;

    private static async Task<List<RawRecord>> DrainAsync(ISourceConnector sut, int pageSize, string? cursor = null)
    {
        var all = new List<RawRecord>();
        for (var page = 0; page < 100; page++)
        {
            var batch = await sut.FetchAsync(cursor, pageSize);
            batch.Records.Count.ShouldBeLessThanOrEqualTo(pageSize);
            all.AddRange(batch.Records);
            cursor = batch.NextCursor;
            if (cursor is null)
            {
                return all;
            }
        }

        throw new InvalidOperationException("The connector never finished.");
    }

    [Fact(Timeout = Timeout)]
    public async Task FetchAsync_AllPages_LandsEveryRecordedArtistWithOneToken()
    {
        await using var server = await RecordedSourcesServer.StartAsync();
        await using var host = await ConnectorHost.StartAsync(server.ConnectorSettings());
        var sut = host.Connector("spotify");

        var records = await DrainAsync(sut, 25);

        records.Select(r => r.ExternalId).Distinct().Count().ShouldBe(40);
        records.ShouldAllBe(r => r.Payload.StartsWith("{\"external_urls\":", StringComparison.Ordinal));
        server.CountRequests("POST", "/spotify/api/token").ShouldBe(1);
        server.CountRequests("GET", "/spotify/v1/search").ShouldBeGreaterThan(5);
    }

    [Fact(Timeout = Timeout)]
    public async Task FetchAsync_ResumedFromCursorInNewProcess_ContinuesExactlyWhereItStopped()
    {
        await using var server = await RecordedSourcesServer.StartAsync();
        List<RawRecord> expected;
        await using (var one = await ConnectorHost.StartAsync(server.ConnectorSettings()))
        {
            expected = await DrainAsync(one.Connector("spotify"), 7);
        }

        await using var first = await ConnectorHost.StartAsync(server.ConnectorSettings());
        var page = await first.Connector("spotify").FetchAsync(null, 7);
        page = await first.Connector("spotify").FetchAsync(page.NextCursor, 7);
        await using var second = await ConnectorHost.StartAsync(server.ConnectorSettings());
        var rest = await DrainAsync(second.Connector("spotify"), 7, page.NextCursor);

        page.NextCursor.ShouldNotBeNull();
        rest.Select(r => r.ExternalId).ShouldBe(expected.Skip(14).Select(r => r.ExternalId));
    }

    [Fact(Timeout = Timeout)]
    public async Task FetchAsync_SixtyIds_AsksInBatchesOfFifty()
    {
        await using var server = await RecordedSourcesServer.StartAsync();
        var settings = ConnectorHost.Only(server, "Spotify");
        foreach (var key in settings.Keys.Where(k => k.Contains(":ArtistIds:", StringComparison.Ordinal) || k.Contains(":SearchQueries:", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }

        var ids = server.Data.SpotifyArtists.Select(a => (string)a!["id"]!).Concat(Enumerable.Range(0, 20).Select(i => $"unknown{i:D15}")).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            settings[$"MonaSpark:Sources:Spotify:ArtistIds:{i}"] = ids[i];
        }

        await using var host = await ConnectorHost.StartAsync(settings);

        var batch = await host.Connector("spotify").FetchAsync(null, 100);

        batch.Records.Count.ShouldBe(40);
        batch.NextCursor.ShouldBeNull();
        var calls = server.Requests.Where(r => r.StartsWith("GET /spotify/v1/artists", StringComparison.Ordinal)).ToList();
        calls.Count.ShouldBe(2);
        calls.Select(c => Uri.UnescapeDataString(c).Split("ids=")[1].Split(',').Length).ShouldBe([50, 10]);
    }

    [Fact(Timeout = Timeout)]
    public async Task FetchAsync_TokenRevoked_FetchesOneNewTokenAndCarriesOn()
    {
        await using var server = await RecordedSourcesServer.StartAsync();
        await using var host = await ConnectorHost.StartAsync(server.ConnectorSettings());
        var sut = host.Connector("spotify");
        var first = await sut.FetchAsync(null, 5);
        server.RevokeTokens();

        var second = await sut.FetchAsync(first.NextCursor, 5);

        second.Records.Count.ShouldBe(5);
        server.CountRequests("POST", "/spotify/api/token").ShouldBe(2);
    }

    [Fact(Timeout = Timeout)]
    public async Task FetchAsync_WrongClientSecret_FailsClearly()
    {
        await using var server = await RecordedSourcesServer.StartAsync();
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Only(server, "Spotify", ("ClientSecret", "wrong")));

        var ex = await Should.ThrowAsync<SourceConnectorException>(() => host.Connector("spotify").FetchAsync(null, 5));

        ex.Message.ShouldContain("refused the client credentials");
    }

    [Fact(Timeout = Timeout)]
    public async Task FetchAsync_CursorOfAnotherConnector_FailsClearly()
    {
        await using var server = await RecordedSourcesServer.StartAsync();
        await using var host = await ConnectorHost.StartAsync(server.ConnectorSettings());

        var ex = await Should.ThrowAsync<SourceConnectorException>(() => host.Connector("spotify").FetchAsync("page=2", 5));

        ex.Message.ShouldContain("not a cursor");
    }

    [Fact(Timeout = Timeout)]
    public async Task FetchAsync_WithSourcingHints_SearchesTheHintedGenresAfterTheConfiguredQueries()
    {
        await using var server = await RecordedSourcesServer.StartAsync();
        var hints = new FixedHints("chanson", "art \"pop\"", "indie pop");
        await using var host = await ConnectorHost.StartAsync(server.ConnectorSettings(), configure: s => s.AddSingleton<ISourcingHints>(hints));

        await DrainAsync(host.Connector("spotify"), 50);

        var searches = server.Requests.Where(r => r.StartsWith("GET /spotify/v1/search", StringComparison.Ordinal)).Select(r => Uri.UnescapeDataString(r)).ToList();
        searches.ShouldContain(r => r.Contains("q=genre:\"chanson\"", StringComparison.Ordinal));
        searches.ShouldNotContain(r => r.Contains("art \"pop\"", StringComparison.Ordinal)); // a quote would break the query syntax
        searches.FindIndex(r => r.Contains("q=genre:\"chanson\"", StringComparison.Ordinal))
            .ShouldBeGreaterThan(searches.FindLastIndex(r => !r.Contains("q=genre:\"chanson\"", StringComparison.Ordinal) && !r.Contains("q=genre:\"indie pop\"", StringComparison.Ordinal)));
        hints.Asked.ShouldBeGreaterThan(0);
    }

    [Fact(Timeout = Timeout)]
    public async Task FetchAsync_HintsDisabled_SearchesOnlyAsConfigured()
    {
        await using var server = await RecordedSourcesServer.StartAsync();
        var settings = server.ConnectorSettings();
        settings["MonaSpark:Sources:Spotify:HintedGenreQueries"] = "0";
        var hints = new FixedHints("chanson");
        await using var host = await ConnectorHost.StartAsync(settings, configure: s => s.AddSingleton<ISourcingHints>(hints));

        await DrainAsync(host.Connector("spotify"), 50);

        server.Requests.ShouldNotContain(r => Uri.UnescapeDataString(r).Contains("genre:\"chanson\"", StringComparison.Ordinal));
        hints.Asked.ShouldBe(0);
    }

    /// <summary>Hints as a host's lookalike search would give them.</summary>
    private sealed class FixedHints(params string[] genres) : ISourcingHints
    {
        public int Asked { get; private set; }

        public Task<IReadOnlyList<string>> GenresAsync(int max, CancellationToken cancellationToken = default)
        {
            Asked++;
            return Task.FromResult<IReadOnlyList<string>>(genres.Take(max).ToList());
        }
    }
}

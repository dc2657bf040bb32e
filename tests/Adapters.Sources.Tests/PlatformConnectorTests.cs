using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Adapters.Sources.YouTube;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation;
using MonaSpark.Sources.Recordings;

namespace MonaSpark.Adapters.Sources.Tests;

/// <summary>YouTube, SoundCloud and Instagram end to end against the recorded server, and the registration.</summary>
public class PlatformConnectorTests
{
    private const int Timeout = 15_000;

    [Fact(Timeout = Timeout)]
    public async Task YouTube_AllPages_FetchesChannelsThenSearchWithinQuota()
    {
        await using var server = await RecordedSourcesServer.StartAsync();
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Only(server, "YouTube"));
        var sut = (YouTubeSourceConnector)host.Connector("youtube");

        var batch = await sut.FetchAsync(null, 100);

        batch.NextCursor.ShouldBeNull();
        batch.Records.Select(r => r.ExternalId).Distinct().Count().ShouldBe(40);
        server.CountRequests("GET", "/youtube/v3/search").ShouldBe(1);
        sut.QuotaRemaining.ShouldBe(10_000 - 1 - 100 - 1);
        JsonDocument.Parse(batch.Records[0].Payload).RootElement.GetProperty("statistics").GetProperty("viewCount").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact(Timeout = Timeout)]
    public async Task YouTube_QuotaTooSmallForSearch_StopsBeforeCallingAndResumesAfterPacificMidnight()
    {
        await using var server = await RecordedSourcesServer.StartAsync();
        // 23:58 in Los Angeles (PST, UTC−8) on 24 November 2026.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 7, 58, 0, TimeSpan.Zero));
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Only(server, "YouTube", ("DailyQuotaUnits", "101")), time);
        var sut = host.Connector("youtube");

        var first = await sut.FetchAsync(null, 100);

        first.Records.Count.ShouldBe(40);
        first.NextCursor.ShouldBe("search:0");
        server.CountRequests("GET", "/youtube/v3/search").ShouldBe(0);
        (await sut.FetchAsync(first.NextCursor, 100)).Records.ShouldBeEmpty();
        server.CountRequests("GET", "/youtube/v3/search").ShouldBe(0);

        time.Advance(TimeSpan.FromMinutes(3));
        var second = await sut.FetchAsync(first.NextCursor, 100);

        server.CountRequests("GET", "/youtube/v3/search").ShouldBe(1);
        second.Records.ShouldNotBeEmpty();
        second.NextCursor.ShouldBeNull();
    }

    [Fact(Timeout = Timeout)]
    public async Task YouTube_WrongKey_FailsWithoutLeakingTheKey()
    {
        await using var server = await RecordedSourcesServer.StartAsync();
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Only(server, "YouTube", ("ApiKey", "secret-wrong-key")));

        var ex = await Should.ThrowAsync<SourceConnectorException>(() => host.Connector("youtube").FetchAsync(null, 10));

        ex.Message.ShouldContain("400");
        ex.Message.ShouldNotContain("secret-wrong-key");
    }

    [Fact(Timeout = Timeout)]
    public async Task SoundCloud_AllUsers_OneEnvelopePerUserAndTheTruncatedOneLandedRaw()
    {
        await using var server = await RecordedSourcesServer.StartAsync();
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Only(server, "SoundCloud"));

        var first = await host.Connector("soundcloud").FetchAsync(null, 20);
        server.RevokeTokens();
        var second = await host.Connector("soundcloud").FetchAsync(first.NextCursor, 20);

        var records = first.Records.Concat(second.Records).ToList();
        records.Count.ShouldBe(30);
        second.NextCursor.ShouldBeNull();
        var broken = records.Where(r => !r.Payload.StartsWith("{\"user\":", StringComparison.Ordinal)).ShouldHaveSingleItem();
        server.Data.RawSoundCloudUsers.ShouldContainKey(long.Parse(broken.ExternalId, System.Globalization.CultureInfo.InvariantCulture));
        using var envelope = JsonDocument.Parse(records[0].Payload);
        envelope.RootElement.GetProperty("tracks").GetArrayLength().ShouldBeGreaterThan(0);
        server.CountRequests("POST", "/soundcloud/oauth/token").ShouldBe(2);
    }

    [Fact(Timeout = Timeout)]
    public async Task Instagram_AllUsernames_SkipsTheUnknownOneAndHonoursTheHourlyLimit()
    {
        await using var server = await RecordedSourcesServer.StartAsync();
        await using (var all = await ConnectorHost.StartAsync(ConnectorHost.Only(server, "Instagram")))
        {
            var batch = await all.Connector("instagram").FetchAsync(null, 100);
            batch.Records.Count.ShouldBe(30);
            batch.NextCursor.ShouldBeNull();
            batch.Records.ShouldAllBe(r => r.ExternalId.StartsWith("178414", StringComparison.Ordinal));
        }

        await using var limited = await ConnectorHost.StartAsync(ConnectorHost.Only(server, "Instagram", ("RateLimitPermits", "3")));
        var page = await limited.Connector("instagram").FetchAsync(null, 100);

        page.Records.Count.ShouldBe(3);
        page.NextCursor.ShouldBe("ids:3");
    }

    [Fact(Timeout = 30_000)]
    public async Task SourceSync_AllFourAgainstRecordings_LandsEveryRecordAndValidationQuarantinesTheDefects()
    {
        await using var server = await RecordedSourcesServer.StartAsync();
        await using var host = await ConnectorHost.StartAsync(server.ConnectorSettings());

        var report = await host.Sync.RunAsync(maxPages: 10);

        report.Sources.Select(s => s.Connector).ShouldBe(["spotify", "youtube", "soundcloud", "instagram"], ignoreOrder: true);
        report.Sources.ShouldAllBe(s => s.Error == null);
        var validators = host.Services.GetRequiredService<SourceValidators>();
        var invalid = host.Stores.Records
            .Select(r => (r.Source, Result: validators.Validate(r, r.FetchedAt)))
            .Where(x => !x.Result.IsValid)
            .ToList();
        host.Stores.Records.Count(r => r.Source == SourceKind.Spotify).ShouldBe(40);
        invalid.Count(x => x.Source == SourceKind.Spotify).ShouldBe(3);
        invalid.Count(x => x.Source == SourceKind.YouTube).ShouldBe(3);
        invalid.Count(x => x.Source == SourceKind.SoundCloud).ShouldBe(3);
        invalid.Count(x => x.Source == SourceKind.Instagram).ShouldBe(3);
        invalid.SelectMany(x => x.Result.Failures.Select(f => f.Code)).Distinct().ShouldBe(["required", "range", "url", "malformed-json", "type"], ignoreOrder: true);
    }

    [Fact(Timeout = Timeout)]
    public async Task AddSourceConnectors_NoConfiguration_RegistersNoConnector()
    {
        await using var host = await ConnectorHost.StartAsync(new Dictionary<string, string?>());

        host.Services.GetServices<ISourceConnector>().ShouldBeEmpty();
    }

    [Fact(Timeout = Timeout)]
    public async Task AddSourceConnectors_CredentialsWithoutSeeds_FailsAtStart()
    {
        var settings = new Dictionary<string, string?> { ["MonaSpark:Sources:Spotify:ClientId"] = "id", ["MonaSpark:Sources:Spotify:ClientSecret"] = "secret" };

        var ex = await Should.ThrowAsync<OptionsValidationException>(() => ConnectorHost.StartAsync(settings));

        ex.Message.ShouldContain("at least one search query or artist id");
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using MonaSpark.Adapters.Sources.Http;
using MonaSpark.Application.Ports;
using MonaSpark.TestKit;
using Polly.Retry;
using Polly.Telemetry;

namespace MonaSpark.Adapters.Sources.Tests;

/// <summary>The resilience pipeline against scripted faults on a loopback server, through the Spotify connector.</summary>
public class ResilienceTests
{
    private const int Timeout = 20_000;

    [Fact(Timeout = Timeout)]
    public async Task FetchAsync_BurstOf503ThenSuccess_RetriesAndLosesNothing()
    {
        await using var server = await FaultServer.StartAsync(async (context, call) =>
        {
            if (call <= 3)
            {
                context.Response.StatusCode = 503;
                return;
            }

            await FaultServer.ArtistsPage(context);
        });
        await using var host = await ConnectorHost.StartAsync(server.SpotifySettings());

        var batch = await host.Connector("spotify").FetchAsync(null, 10);

        batch.Records.ShouldHaveSingleItem().ExternalId.ShouldBe("4Z8W4fKeB5YxbusRsdQVPb");
        batch.NextCursor.ShouldBeNull();
        server.Calls.ShouldBe(4);
    }

    [Fact(Timeout = Timeout)]
    public async Task SyncAsync_ServerNeverAnswers_TotalTimeoutFiresAndCursorIsUnchanged()
    {
        await using var server = await FaultServer.StartAsync((context, _) => Task.Delay(System.Threading.Timeout.Infinite, context.RequestAborted));
        await using var host = await ConnectorHost.StartAsync(server.SpotifySettings(("TotalTimeout", "00:00:00.600"), ("AttemptTimeout", "00:00:00.250")));
        var stored = new SourceCursor("spotify", "ids:0", Samples.Epoch, null);
        await ((ISourceCursorStore)host.Stores).SetAsync(stored);

        var report = await host.Sync.RunAsync(maxPages: 1);

        var result = report.Sources.ShouldHaveSingleItem();
        result.Error.ShouldNotBeNull();
        result.Error.ShouldContain("timed out");
        (await ((ISourceCursorStore)host.Stores).GetAsync("spotify")).ShouldBe(stored);
        host.Stores.Records.ShouldBeEmpty();
    }

    [Fact(Timeout = Timeout)]
    public async Task FetchAsync_429WithRetryAfter_WaitsExactlyTheAskedDelay()
    {
        await using var server = await FaultServer.StartAsync(async (context, call) =>
        {
            if (call == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return;
            }

            await FaultServer.ArtistsPage(context);
        });
        var retries = new RetryListener();
        await using var host = await ConnectorHost.StartAsync(server.SpotifySettings(), telemetry: retries);
        var watch = Stopwatch.StartNew();

        var batch = await host.Connector("spotify").FetchAsync(null, 10);

        batch.Records.Count.ShouldBe(1);
        retries.Delays.ShouldBe([TimeSpan.FromSeconds(1)]);
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
    }

    [Fact(Timeout = Timeout)]
    public async Task FetchAsync_429AskingLongerThanMaxRetryAfter_FailsWithoutWaiting()
    {
        await using var server = await FaultServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "3600";
            return Task.CompletedTask;
        });
        await using var host = await ConnectorHost.StartAsync(server.SpotifySettings());

        var ex = await Should.ThrowAsync<SourceConnectorException>(() => host.Connector("spotify").FetchAsync(null, 10));

        ex.Message.ShouldContain("429");
        server.Calls.ShouldBe(1);
    }

    [Theory(Timeout = Timeout)]
    [InlineData("{\"artists\":[{\"id\":\"4Z8W4fKeB5YxbusRsdQVPb\",\"name\":\"Zél")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    public async Task FetchAsync_UnparseablePage_FailsClearlyAndIsNotRetried(string body)
    {
        await using var server = await FaultServer.StartAsync((context, _) => context.Response.WriteAsync(body));
        await using var host = await ConnectorHost.StartAsync(server.SpotifySettings());

        var ex = await Should.ThrowAsync<SourceConnectorException>(() => host.Connector("spotify").FetchAsync(null, 10));

        ex.Message.ShouldContain("not valid JSON");
        ex.Message.ShouldContain("cursor is unchanged");
        server.Calls.ShouldBe(1);
    }

    [Fact(Timeout = Timeout)]
    public async Task FetchAsync_BodyTricklesSlowly_AttemptAndTotalTimeoutsCoverTheBody()
    {
        await using var server = await FaultServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"artists\":[");
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            await context.Response.WriteAsync("]}");
        });
        await using var host = await ConnectorHost.StartAsync(server.SpotifySettings(("TotalTimeout", "00:00:01"), ("AttemptTimeout", "00:00:00.300")));
        var watch = Stopwatch.StartNew();

        var ex = await Should.ThrowAsync<SourceConnectorException>(() => host.Connector("spotify").FetchAsync(null, 10));

        ex.Message.ShouldContain("timed out");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        server.Calls.ShouldBeGreaterThan(1);
    }

    [Fact(Timeout = Timeout)]
    public async Task FetchAsync_RepeatedFailures_OpenTheCircuitWhichClosesAfterTheBreak()
    {
        await using var server = await FaultServer.StartAsync(async (context, call) =>
        {
            if (call <= 2)
            {
                context.Response.StatusCode = 500;
                return;
            }

            await FaultServer.ArtistsPage(context);
        });
        await using var host = await ConnectorHost.StartAsync(server.SpotifySettings(
            ("MaxRetryAttempts", "0"), ("MinimumThroughput", "3"), ("FailureRatio", "0.6"),
            ("SamplingDuration", "00:00:10"), ("BreakDuration", "00:00:00.500")));
        var sut = host.Connector("spotify");

        // Sampled: the token call (success) and two 500s: 2 of 3 failed, over the 0.6 ratio.
        (await Should.ThrowAsync<SourceConnectorException>(() => sut.FetchAsync(null, 10))).Message.ShouldContain("500");
        (await Should.ThrowAsync<SourceConnectorException>(() => sut.FetchAsync(null, 10))).Message.ShouldContain("500");
        var open = await Should.ThrowAsync<SourceConnectorException>(() => sut.FetchAsync(null, 10));
        open.Message.ShouldContain("circuit is open");
        server.Calls.ShouldBe(2);

        await Task.Delay(TimeSpan.FromMilliseconds(700));
        (await sut.FetchAsync(null, 10)).Records.Count.ShouldBe(1);
        (await sut.FetchAsync(null, 10)).Records.Count.ShouldBe(1);
        server.Calls.ShouldBe(4);
    }

    [Fact]
    public void RetryAfter_HttpDate_IsMeasuredOnTheInjectedClock()
    {
        var time = new FakeTimeProvider(Samples.Epoch);
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Samples.Epoch.AddSeconds(42));

        SourceResilience.RetryAfter(response, time).ShouldBe(TimeSpan.FromSeconds(42));
        time.Advance(TimeSpan.FromSeconds(50));
        SourceResilience.RetryAfter(response, time).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void RetryAfter_SuccessOrNoHeader_LeavesTheBackoffAlone()
    {
        using var ok = new HttpResponseMessage(HttpStatusCode.OK);
        ok.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(5));
        using var bare = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        SourceResilience.RetryAfter(ok, TimeProvider.System).ShouldBeNull();
        SourceResilience.RetryAfter(bare, TimeProvider.System).ShouldBeNull();
    }

    /// <summary>Polly's telemetry: the delay each retry actually used.</summary>
    private sealed class RetryListener : TelemetryListener
    {
        public List<TimeSpan> Delays { get; } = [];

        public override void Write<TResult, TArgs>(in TelemetryEventArguments<TResult, TArgs> args)
        {
            if (args.Arguments is OnRetryArguments<HttpResponseMessage> retry)
            {
                lock (Delays)
                {
                    Delays.Add(retry.RetryDelay);
                }
            }
        }
    }
}

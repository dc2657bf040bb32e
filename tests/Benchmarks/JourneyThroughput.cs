using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Copywriting;
using MonaSpark.Adapters.Email;
using MonaSpark.Adapters.Local;
using MonaSpark.Application;
using MonaSpark.Application.Outreach;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Telemetry;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Sources;
using MonaSpark.Workflows.Journeys;
using MonaSpark.Workflows.Local;

namespace MonaSpark.Benchmarks;

/// <summary>
/// <c>journeys</c> mode: N artists, N journeys started as fast as the door lets them, every first
/// e-mail drafted, queued, taken from the SQLite work queue, checked and written by the real outbox
/// channel under a provider limit of R per second and a burst of B. Reports the time until the last first message went out, and the highest number of
/// sends seen in any one-second window, which must never pass R + B (the provider's limit).
/// </summary>
internal static class JourneyThroughput
{
    /// <param name="perSecond">The bucket's sustained rate.</param>
    /// <param name="burst">The bucket's size: with the rate, the most any one second can see (a provider's limit of 200/s is 180/s plus 20).</param>
    public static async Task RunAsync(int journeys, double perSecond, int burst)
    {
        var directory = Path.Combine(Path.GetTempPath(), "monaspark-journeys-" + Guid.NewGuid().ToString("N"));
        var sends = new ConcurrentQueue<long>();
        try
        {
            using var host = await StartAsync(directory, perSecond, burst, sends);
            var artists = await SeedAsync(host.Services, journeys);
            var client = host.Services.GetRequiredService<JourneyClient>();
            var schedule = JourneySchedule.Fast(TimeSpan.FromHours(1));
            var clock = Stopwatch.StartNew();
            var starting = Task.Run(async () =>
            {
                foreach (var artist in artists)
                {
                    await client.StartAsync(artist.Value, "first-contact", schedule);
                }
            });
            while (sends.Count < journeys)
            {
                await Task.Delay(100);

                if (clock.Elapsed > TimeSpan.FromMinutes(20))
                {
                    throw new TimeoutException($"{sends.Count} of {journeys} sent after 20 minutes");
                }
            }

            await starting;
            var elapsed = clock.Elapsed.TotalSeconds;
            var stamps = sends.Order().ToArray();
            var peak = PeakPerSecond(stamps);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{journeys:N0} journeys, first message each: {elapsed:F1} s ({journeys / elapsed:N0} sends/s); limit {perSecond:N0}/s with a burst of {burst}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"highest sends in any one-second window: {peak} (limit + burst = {perSecond + burst:N0}); floor set by the limit alone: {(journeys - burst) / perSecond:F1} s"));
            await host.StopAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int PeakPerSecond(long[] stamps)
    {
        var window = Stopwatch.Frequency;
        var peak = 0;
        var start = 0;
        for (var end = 0; end < stamps.Length; end++)
        {
            while (stamps[end] - stamps[start] >= window)
            {
                start++;
            }

            peak = Math.Max(peak, end - start + 1);
        }

        return peak;
    }

    private static async Task<List<ArtistId>> SeedAsync(IServiceProvider services, int count)
    {
        var store = services.GetRequiredService<IArtistStore>();
        var now = DateTimeOffset.UtcNow;
        var ids = new List<ArtistId>(count);
        for (var i = 0; i < count; i++)
        {
            var id = ArtistId.ForSource(SourceKind.Import, $"bench-{i}");
            var provenance = new Provenance(SourceKind.Import, $"src-bench-{i}", now);
            var artist = new Artist
            {
                Id = id,
                Name = new Sourced<string>($"Bench Artist {i}", provenance),
                Country = new Sourced<CountryCode>(new CountryCode(i % 2 == 0 ? "FR" : "US"), provenance),
                ContactPoints = [new ContactPoint(ContactChannel.Email, $"booking{i}@bench.example", LawfulBasis.LegitimateInterest, true, provenance)],
                SourceRecordIds = [$"src-bench-{i}"],
                CreatedAt = now,
                UpdatedAt = now,
                Version = 0,
            };
            await store.SaveAsync(artist, [], [new ArtistDiscovered(id.Value, now, $"src-bench-{i}", SourceKind.Import)]);
            ids.Add(id);
        }

        return ids;
    }

    private static async Task<IHost> StartAsync(string directory, double perSecond, int burst, ConcurrentQueue<long> sends)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MonaSpark:Links:SigningKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["MonaSpark:Copywriting:PublicBaseUrl"] = "https://monaspark.example",
            ["MonaSpark:Email:OutboxDirectory"] = Path.Combine(directory, "outbox"),
            ["MonaSpark:Outreach:Windows:Email"] = "00:00-24:00",
            ["MonaSpark:Outreach:RateLimits:Email:PerSecond"] = perSecond.ToString(CultureInfo.InvariantCulture),
            ["MonaSpark:Outreach:RateLimits:Email:Burst"] = burst.ToString(CultureInfo.InvariantCulture),
            ["MonaSpark:Outreach:SenderHealth:WarmUpStart"] = "1000000",
            ["MonaSpark:Outreach:SenderHealth:DailyCeiling"] = "1000000",
        });
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddMetrics();
        builder.Services.AddMonaSparkApplication();
        builder.Services.AddSqliteStorage(o => o.DataDirectory = directory);
        builder.AddCopywriting();
        builder.Services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection(EmailOptions.SectionName));
        builder.Services.AddSingleton<IOutreachChannel>(sp => new TimedChannel(new OutboxEmailChannel(sp.GetRequiredService<IOptions<EmailOptions>>()), sends));
        builder.AddLocalDurableEngine();
        builder.Services.AddHostedService<SendPump>();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>The local host's work-queue pump, for sends alone (the benchmark's stack has no scoring): two workers, batches of 64.</summary>
    private sealed class SendPump(IServiceProvider services) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var dispatcher = new WorkItemDispatcher([ActivatorUtilities.CreateInstance<SendMessageHandler>(services)], services.GetRequiredService<MonaSparkTelemetry>());
            var runner = ActivatorUtilities.CreateInstance<QueuedWorkRunner>(services, dispatcher);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await runner.RunBatchAsync(64, stoppingToken) == 0)
                    {
                        await Task.Delay(20, stoppingToken);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }, stoppingToken)));
    }

    /// <summary>The real channel, with the instant of every send it is handed.</summary>
    private sealed class TimedChannel(IOutreachChannel inner, ConcurrentQueue<long> sends) : IOutreachChannel
    {
        public ContactChannel Channel => inner.Channel;

        public async Task<SendResult> SendAsync(Message message, CancellationToken cancellationToken = default)
        {
            sends.Enqueue(Stopwatch.GetTimestamp());
            return await inner.SendAsync(message, cancellationToken);
        }
    }
}

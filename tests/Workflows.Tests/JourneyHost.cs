using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MonaSpark.Adapters.Copywriting;
using MonaSpark.Adapters.Local;
using MonaSpark.Application;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Outreach;
using MonaSpark.Application.Telemetry;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Artists;
using MonaSpark.Workflows.Journeys;
using MonaSpark.Workflows.Local;

namespace MonaSpark.Workflows.Tests;

/// <summary>
/// The journey's whole stack in a generic host: the local durable engine, the real activities and
/// use cases over the SQLite adapters in a temporary directory, the template copywriter; only the
/// providers (channels, payments) are test doubles. Disposing a host keeps the directory, so a test can
/// start a second host on it (a restart).
/// </summary>
internal sealed class JourneyHost : IAsyncDisposable
{
    private readonly IHost host;

    private JourneyHost(IHost host, JourneyProviders providers)
    {
        this.host = host;
        Providers = providers;
    }

    public JourneyProviders Providers { get; }

    public IServiceProvider Services => host.Services;

    public DurableTaskClient Client => host.Services.GetRequiredService<DurableTaskClient>();

    public JourneyClient Journeys => host.Services.GetRequiredService<JourneyClient>();

    /// <param name="relay">
    /// False: the journal is not relayed in the background (a test relays by hand). Sends are always
    /// taken from the work queue in the background, as the local host's pump does, unless <paramref name="work"/> is false.
    /// </param>
    public static async Task<JourneyHost> StartAsync(string dataDirectory, JourneyProviders providers, IDictionary<string, string?>? settings = null, bool relay = true, bool work = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MonaSpark:Links:SigningKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["MonaSpark:Copywriting:PublicBaseUrl"] = "https://monaspark.example",

            // Timers run in real time: every window open, so a test never waits for the morning.
            ["MonaSpark:Outreach:Windows:Email"] = "00:00-24:00",
            ["MonaSpark:Outreach:Windows:Sms"] = "00:00-24:00",
            ["MonaSpark:Outreach:Windows:WebPush"] = "00:00-24:00",
            ["MonaSpark:Outreach:Windows:DirectMessage"] = "00:00-24:00",

            // A failing send is retried by its queue three times, quickly.
            ["MonaSpark:WorkQueue:MaxAttempts"] = "3",
            ["MonaSpark:WorkQueue:RetryBaseDelay"] = "00:00:00.020",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddLogging();
        builder.Services.AddMetrics();
        builder.Services.AddMonaSparkApplication();
        builder.Services.AddSqliteStorage(o => o.DataDirectory = dataDirectory);
        builder.AddCopywriting();
        foreach (var channel in providers.Channels.Values)
        {
            builder.Services.AddSingleton<IOutreachChannel>(channel);
        }

        builder.Services.AddSingleton<IPaymentGateway>(providers.Payments);
        builder.Services.AddSingleton(providers.Faults);
        builder.Services.AddSingleton<SqliteOutreachMessageStore>();
        builder.Services.AddSingleton<IOutreachMessageStore>(sp => new FaultyMessageStore(sp.GetRequiredService<SqliteOutreachMessageStore>(), providers.Faults));
        builder.Services.AddSingleton<SqliteContactRegistry>();
        builder.Services.AddSingleton<IContactRegistry>(sp => new FaultyContactRegistry(sp.GetRequiredService<SqliteContactRegistry>(), providers.Faults));
        builder.AddLocalDurableEngine();
        builder.Services.AddHostedService(sp => new Pumps(sp, relay, work));
        var host = builder.Build();
        await host.StartAsync();
        return new JourneyHost(host, providers);
    }

    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}

/// <summary>The local host's pumps in small: the work queue (sends) and the journal relay, every 20 ms.</summary>
internal sealed class Pumps(IServiceProvider services, bool relay, bool work) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();

        // The journey's stack has no scoring or ingestion: the runner dispatches sends alone.
        var dispatcher = new WorkItemDispatcher([ActivatorUtilities.CreateInstance<SendMessageHandler>(services)], services.GetRequiredService<MonaSparkTelemetry>());
        var runner = ActivatorUtilities.CreateInstance<QueuedWorkRunner>(services, dispatcher);
        var signals = services.GetRequiredService<JourneySignalRelay>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var worked = work ? await runner.RunBatchAsync(64, stoppingToken) : 0;
                var relayed = relay ? (await signals.RelayAsync(cancellationToken: stoppingToken)).Read : 0;
                if (worked == 0 && relayed == 0)
                {
                    await Task.Delay(Period, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}

/// <summary>The providers' doubles, shared by the hosts of one test (they outlive a restart, as a provider would).</summary>
internal sealed class JourneyProviders
{
    public Dictionary<ContactChannel, RecordingChannel> Channels { get; } = new()
    {
        [ContactChannel.Email] = new RecordingChannel(ContactChannel.Email),
        [ContactChannel.Sms] = new RecordingChannel(ContactChannel.Sms),
        [ContactChannel.DirectMessage] = new RecordingChannel(ContactChannel.DirectMessage),
    };

    public RecordingPaymentGateway Payments { get; } = new();

    public Faults Faults { get; } = new();

    public RecordingChannel Email => Channels[ContactChannel.Email];

    public RecordingChannel Sms => Channels[ContactChannel.Sms];

    public RecordingChannel DirectMessage => Channels[ContactChannel.DirectMessage];

    public int TotalSent => Channels.Values.Sum(c => c.Sent.Count);
}

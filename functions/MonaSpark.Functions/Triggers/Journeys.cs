using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Workflows.Journeys;

namespace MonaSpark.Functions.Triggers;

/// <summary>
/// The journeys' timers on Azure: relaying journal events to journeys as signals (every 5 seconds),
/// and starting journeys for new qualified leads (every 5 minutes). The same relay and starter as the
/// local host's pump, over the Durable Functions client. The relay keeps its checkpoint in the
/// read-model store; the timer is a singleton, so one relay runs at a time.
/// </summary>
public sealed class Journeys(IServiceProvider services, IOptions<JourneyOptions> options)
{
    public const string RelaySchedule = "*/5 * * * * *";

    public const string StartSchedule = "0 */5 * * * *";

    [Function("RelayJourneySignals")]
    public async Task RelayAsync([TimerTrigger(RelaySchedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var relay = ActivatorUtilities.CreateInstance<JourneySignalRelay>(services, Client(client));
        while ((await relay.RelayAsync(cancellationToken: cancellationToken)).Read > 0)
        {
        }
    }

    [Function("StartJourneys")]
    public Task StartAsync([TimerTrigger(StartSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var starter = new JourneyStarter(services.GetRequiredService<ILeadStore>(), Client(client));
        return starter.StartQualifiedAsync(settings.Campaign, settings.Schedule(), settings.StartBatch, cancellationToken);
    }

    private JourneyClient Client(DurableTaskClient client) => ActivatorUtilities.CreateInstance<JourneyClient>(services, client);
}

using System.Globalization;
using Microsoft.Extensions.Options;
using MonaSpark.Adapters.Local;
using MonaSpark.Application.Outreach;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;
using MonaSpark.Simulation;
using MonaSpark.Workflows.Journeys;

namespace MonaSpark.LocalHost.Demo;

/// <summary>
/// The demo's outreach: a journey for each of the best qualified leads, messages rendered and delivered
/// to the outbox folder, and simulated recipients answering through the real doors (the unsubscribe
/// link, a provider's bounce report, the journal events of clicks, signups and payments), so every
/// path of the journey runs. Waits are seconds instead of days, the send windows are open round the
/// clock so the demo never waits for the recipients' morning, and the sender starts a week into its
/// warm-up; everything else (consent, suppression, the frequency cap, rate limits) is as configured.
/// </summary>
internal static class DemoOutreach
{
    /// <summary>Journeys the demo starts: every qualified lead of the sample, up to this many.</summary>
    public const int Journeys = 150;

    public static readonly TimeSpan Unit = TimeSpan.FromMilliseconds(500);

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["MonaSpark:Journeys:TimeUnit"] = Unit.ToString("c", CultureInfo.InvariantCulture),
        ["MonaSpark:Outreach:Windows:Email"] = "00:00-24:00",
        ["MonaSpark:Outreach:Windows:Sms"] = "00:00-24:00",
        ["MonaSpark:Outreach:Windows:WebPush"] = "00:00-24:00",
        ["MonaSpark:Outreach:Windows:DirectMessage"] = "00:00-24:00",
        ["MonaSpark:Outreach:RateLimits:Email:PerSecond"] = "20",
        ["MonaSpark:Outreach:RateLimits:Sms:PerSecond"] = "5",

        // A new sender's first day allows 50 e-mails; the demo's sender is taken as a week into its warm-up.
        ["MonaSpark:Outreach:SenderHealth:WarmUpStart"] = "400",
    };

    public static async Task RunAsync(IServiceProvider services, DemoSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<JourneyOptions>>().Value;
        var journal = services.GetRequiredService<IJournal>();
        var time = services.GetRequiredService<TimeProvider>();
        var position = await journal.GetHeadAsync(cancellationToken);
        var started = await services.GetRequiredService<JourneyStarter>().StartQualifiedAsync(options.Campaign, options.Schedule(), Journeys, cancellationToken);
        await output.WriteLineAsync($"Outreach: {started} journeys started for the best qualified leads (a wait of {Unit.TotalSeconds:F1} s stands for a day).");
        var audience = new SimulatedAudience(
            journal,
            services.GetRequiredService<IOutreachMessageStore>(),
            services.GetRequiredService<Unsubscribe>(),
            services.GetRequiredService<DeliveryReports>(),
            time,
            settings.Seed,
            Unit,
            position);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var sentByChannel = new Dictionary<string, int>(StringComparer.Ordinal);
        var deadline = time.GetUtcNow() + (Unit * 60);
        while (outcomes.Values.Sum() < started && time.GetUtcNow() < deadline)
        {
            await audience.StepAsync(cancellationToken);
            while (await journal.ReadAsync(position, 1_000, cancellationToken) is { Count: > 0 } entries)
            {
                foreach (var entry in entries)
                {
                    switch (entry.Event)
                    {
                        case JourneyEnded ended:
                            outcomes[ended.Outcome] = outcomes.GetValueOrDefault(ended.Outcome) + 1;
                            break;
                        case OutreachSent sent:
                            sentByChannel[sent.Channel.ToString()] = sentByChannel.GetValueOrDefault(sent.Channel.ToString()) + 1;
                            break;
                    }
                }

                position = entries[^1].Position;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }

        await output.WriteLineAsync($"  messages sent: {string.Join(", ", sentByChannel.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key}"))}");
        await output.WriteLineAsync($"  journeys ended: {outcomes.Values.Sum()} of {started}: {string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}"))}");
        await output.WriteLineAsync($"  simulated recipients: {string.Join(", ", audience.Answers.OrderBy(a => a.Key).Select(a => $"{a.Key} {a.Value}"))}");
        var checkouts = services.GetRequiredService<LocalPaymentGateway>().List();
        await output.WriteLineAsync($"  checkouts opened: {checkouts.Count} ({checkouts.Count(c => c.Status == "void")} voided); the outbox: {Path.Combine(settings.DataDirectory, "outbox")}");
    }
}

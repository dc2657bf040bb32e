using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MonaSpark.Application.Telemetry;

/// <summary>
/// Traces and metrics of the use cases. Both hosts export them through OpenTelemetry: the local host
/// on <c>/metrics</c>, the Functions app to Azure Monitor.
/// </summary>
public sealed class MonaSparkTelemetry : IDisposable
{
    public const string Name = "MonaSpark";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;

    public MonaSparkTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(Name);
        RecordsIngested = _meter.CreateCounter<long>("monaspark.records.ingested", "{record}", "Raw records landed");
        RecordsQuarantined = _meter.CreateCounter<long>("monaspark.records.quarantined", "{record}", "Records refused by validation");
        ArtistsDiscovered = _meter.CreateCounter<long>("monaspark.artists.discovered", "{artist}", "New artists created");
        LeadsScored = _meter.CreateCounter<long>("monaspark.leads.scored", "{lead}", "Leads scored");
        WorkItems = _meter.CreateCounter<long>("monaspark.work.items", "{item}", "Work items handled, by kind and outcome");
        UseCaseDuration = _meter.CreateHistogram<double>("monaspark.usecase.duration", "ms", "Duration of each use case");
        CopyRejections = _meter.CreateCounter<long>("monaspark.copy.rejections", "{draft}", "Drafts rejected by the copy guardrails, by writer and violation code (once per code)");
        CopyDrafts = _meter.CreateCounter<long>("monaspark.copy.drafts", "{draft}", "Copy requests, by the writer whose draft passed (none when none did) and channel");
        Sends = _meter.CreateCounter<long>("monaspark.outreach.sends", "{message}", "Send attempts that ended, by channel and result (sent, refused, refused-by-policy)");
        SendsDeferred = _meter.CreateCounter<long>("monaspark.outreach.deferred", "{message}", "Sends deferred, by reason (quiet hours, frequency cap, daily cap, sender paused)");
        SenderPauses = _meter.CreateCounter<long>("monaspark.outreach.sender_pauses", "{sender}", "Senders paused automatically (an alert), by reason");
        JourneysStarted = _meter.CreateCounter<long>("monaspark.journeys.started", "{journey}", "Lead journeys started");
        JourneysEnded = _meter.CreateCounter<long>("monaspark.journeys.ended", "{journey}", "Lead journeys ended, by outcome");
    }

    public Counter<long> RecordsIngested { get; }

    public Counter<long> RecordsQuarantined { get; }

    public Counter<long> ArtistsDiscovered { get; }

    public Counter<long> LeadsScored { get; }

    public Counter<long> WorkItems { get; }

    public Histogram<double> UseCaseDuration { get; }

    public Counter<long> CopyRejections { get; }

    public Counter<long> CopyDrafts { get; }

    public Counter<long> Sends { get; }

    public Counter<long> SendsDeferred { get; }

    public Counter<long> SenderPauses { get; }

    public Counter<long> JourneysStarted { get; }

    public Counter<long> JourneysEnded { get; }

    public void Dispose() => _meter.Dispose();
}

using System.Diagnostics;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Telemetry;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Application.Ingestion;

/// <summary>
/// Use case: land a raw record and queue its processing. The record is stored as received, so the
/// queue message carries only its id; landing the same payload twice changes nothing.
/// </summary>
public sealed class RecordIngestion(ISourceRecordStore records, IWorkQueue queue, TimeProvider time, MonaSparkTelemetry telemetry)
{
    public async Task<IngestOutcome> IngestAsync(SourceKind source, RawRecord raw, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(raw);
        using var activity = MonaSparkTelemetry.ActivitySource.StartActivity("IngestRecord");
        activity?.SetTag("monaspark.source", source.ToString());
        var started = Stopwatch.GetTimestamp();

        var now = time.GetUtcNow();
        var id = SourceRecord.IdFor(source, raw.ExternalId, raw.Payload);
        var record = new SourceRecord(id, source, raw.ExternalId, raw.Payload, now);
        var added = await records.AddAsync(record, [new SourceRecordIngested(id, now, id, source)], cancellationToken);

        // Enqueue even for a duplicate that is still pending: the first enqueue may have been lost
        // in a crash. The queue drops an id that is already waiting.
        var status = added ? SourceRecordStatus.Pending : (await records.GetAsync(id, cancellationToken))?.Status;
        if (status == SourceRecordStatus.Pending)
        {
            await queue.EnqueueAsync(new WorkItem($"process:{id}", WorkKinds.ProcessSourceRecord, id), cancellationToken);
        }

        if (added)
        {
            telemetry.RecordsIngested.Add(1, new KeyValuePair<string, object?>("source", source.ToString()));
        }

        telemetry.UseCaseDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("usecase", "ingest"));
        return new IngestOutcome(id, added);
    }
}

/// <summary>The landed record's id, and whether it was new.</summary>
public sealed record IngestOutcome(string SourceRecordId, bool Added);

using MonaSpark.Application.Ports;
using MonaSpark.Application.Telemetry;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation;

namespace MonaSpark.Application.Ingestion;

/// <summary>
/// Use case: validate a landed record; quarantine it with every reason, or fold it into its artist
/// (new or existing) with its metric snapshots, then queue the artist's scoring. Idempotent: a
/// record already folded in or quarantined changes nothing.
/// </summary>
public sealed class ProcessSourceRecordHandler(
    ISourceRecordStore records,
    IQuarantineStore quarantine,
    IArtistStore artists,
    IWorkQueue queue,
    SourceValidators validators,
    TimeProvider time,
    MonaSparkTelemetry telemetry) : IWorkItemHandler
{
    public string Kind => WorkKinds.ProcessSourceRecord;

    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var record = await records.GetAsync(item.SubjectId, cancellationToken)
            ?? throw new PermanentWorkException($"Source record '{item.SubjectId}' does not exist.");
        if (record.Status != SourceRecordStatus.Pending)
        {
            return;
        }

        var now = time.GetUtcNow();
        var validation = validators.Validate(record, now);
        if (!validation.IsValid)
        {
            var reasons = validation.Failures;
            var codes = reasons.Select(r => r.Code).Distinct(StringComparer.Ordinal).ToList();
            var added = await quarantine.AddAsync(
                new QuarantinedRecord(record.Id, record.Source, record.ExternalId, record.Payload, reasons, now),
                [new RecordQuarantined(record.Id, now, record.Id, record.Source, codes)],
                cancellationToken);
            await records.SetStatusAsync(record.Id, SourceRecordStatus.Quarantined, cancellationToken);
            if (added)
            {
                telemetry.RecordsQuarantined.Add(1, new KeyValuePair<string, object?>("source", record.Source.ToString()));
            }

            return;
        }

        var profile = validation.Value!;
        var existing = await FindArtistAsync(record, profile, cancellationToken);
        var artist = existing;
        if (existing is null || !existing.SourceRecordIds.Contains(record.Id))
        {
            var merge = ProfileMerger.Merge(existing, ArtistId.ForSource(record.Source, profile.ExternalId), profile, record, now);
            var stream = merge.Artist.Id.Value;
            var events = new List<DomainEvent>
            {
                existing is null
                    ? new ArtistDiscovered(stream, now, record.Id, record.Source)
                    : new ProfileEnriched(stream, now, record.Id, merge.ChangedFields),
            };
            events.AddRange(merge.Snapshots.Select(s => new MetricsObserved(stream, now, s.Platform, s.Followers, s.ObservedAt)));
            artist = await artists.SaveAsync(merge.Artist, merge.Snapshots, events, cancellationToken);
            if (existing is null)
            {
                telemetry.ArtistsDiscovered.Add(1);
            }
        }

        // The score id carries the artist version: a newer profile is scored again, a replay is not.
        await queue.EnqueueAsync(new WorkItem($"score:{artist!.Id}:{artist.Version}", WorkKinds.ScoreArtist, artist.Id.Value), cancellationToken);
        await records.SetStatusAsync(record.Id, SourceRecordStatus.Accepted, cancellationToken);
    }

    private async Task<Artist?> FindArtistAsync(SourceRecord record, SourceProfile profile, CancellationToken cancellationToken)
    {
        // Shared platform ids first: the strongest evidence that two records are one artist.
        foreach (var p in profile.Profiles)
        {
            if (await artists.FindByProfileAsync(p.Platform, p.ExternalId, cancellationToken) is { } byProfile)
            {
                return byProfile;
            }
        }

        return await artists.GetAsync(ArtistId.ForSource(record.Source, profile.ExternalId), cancellationToken);
    }
}

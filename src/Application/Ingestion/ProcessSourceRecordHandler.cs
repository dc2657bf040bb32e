using MonaSpark.Application.Lookalikes;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Application.Telemetry;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Resolution;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation;

namespace MonaSpark.Application.Ingestion;

/// <summary>
/// Use case: validate a landed record; quarantine it with every reason, or resolve its artist
/// (<see cref="ArtistResolver"/>) and fold it in with its metric snapshots, then queue the artist's
/// scoring. A confident match joins the existing artist; an uncertain one creates a new artist and
/// a review item, never a silent merge. Idempotent: a record already folded in or quarantined
/// changes nothing.
/// </summary>
public sealed class ProcessSourceRecordHandler(
    ISourceRecordStore records,
    IQuarantineStore quarantine,
    IArtistStore artists,
    IWorkQueue queue,
    SourceValidators validators,
    TimeProvider time,
    MonaSparkTelemetry telemetry,
    ArtistResolver resolver,
    MergeArtists merges,
    IMatchReviewStore reviews) : IWorkItemHandler
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
        var artist = await FoldAsync(record, profile, now, cancellationToken);

        // The score id carries the artist version: a newer profile is scored again, a replay is not.
        await queue.EnqueueAsync(ScoreWork.For(artist), cancellationToken);
        await queue.EnqueueAsync(EmbedWork.For(artist), cancellationToken);
        await records.SetStatusAsync(record.Id, SourceRecordStatus.Accepted, cancellationToken);
    }

    private async Task<Artist> FoldAsync(SourceRecord record, SourceProfile profile, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var resolution = await resolver.ResolveAsync(record, profile, cancellationToken);
        var existing = resolution.Target;

        // A record linking artists kept apart so far shows they are one. Merging before folding makes
        // a replay safe: once merged, every profile of the record leads to the survivor alone.
        foreach (var other in resolution.AlsoOwners)
        {
            existing = await merges.MergeAsync(existing!.Id, other.Id, resolution.Confidence, cancellationToken) ?? existing;
        }

        if (existing is not null && existing.SourceRecordIds.Contains(record.Id))
        {
            return existing;
        }

        var id = existing?.Id ?? ArtistId.ForSource(record.Source, profile.ExternalId);
        if (resolution.ReviewCandidate is { } candidate)
        {
            // Recorded before the new artist is saved: a replay finds that artist and skips resolution.
            await reviews.AddAsync(MatchReview.Open(candidate.Id, id, resolution.ReviewScore!, record.Id, now), cancellationToken);
        }

        var merge = ProfileMerger.Merge(existing, id, profile, record, now);
        var stream = id.Value;
        var events = new List<DomainEvent>
        {
            existing is null
                ? new ArtistDiscovered(stream, now, record.Id, record.Source)
                : new ProfileEnriched(stream, now, record.Id, merge.ChangedFields, resolution.Confidence),
        };
        // One event per platform, its latest figure: the snapshots (the history) are in the store, and
        // the journal says what this record showed without repeating every row of its history.
        events.AddRange(merge.Snapshots
            .GroupBy(s => s.Platform)
            .Select(g => g.MaxBy(s => s.ObservedAt)!)
            .Select(s => new MetricsObserved(stream, now, s.Platform, s.Followers, s.ObservedAt)));
        var saved = await artists.SaveAsync(merge.Artist, merge.Snapshots, events, cancellationToken);
        if (existing is null)
        {
            telemetry.ArtistsDiscovered.Add(1);
        }

        return saved;
    }
}

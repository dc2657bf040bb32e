using MonaSpark.Application.Lookalikes;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Resolution;
using MonaSpark.Domain.Sources;
using MonaSpark.Domain.Validation;

namespace MonaSpark.Application.Resolution;

/// <summary>
/// Use case: undo a merge. The survivor is rebuilt from its own remaining source records (those the
/// merged artist did not bring) by <see cref="ArtistRebuilder"/> and saved with
/// <see cref="ArtistUnmerged"/>; then the tombstone is restored; then both are scored again.
/// Records folded into the survivor after the merge stay with it, whichever artist they were about.
/// Idempotent: a survivor that no longer lists the other only completes the restore.
/// </summary>
public sealed class UnmergeArtists(IArtistStore artists, ISourceRecordStore records, IWorkQueue queue, SourceValidators validators, TimeProvider time)
{
    /// <returns>False when <paramref name="mergedId"/> is not merged into <paramref name="survivorId"/>.</returns>
    /// <exception cref="InvalidOperationException">None of the survivor's own records is valid any more.</exception>
    public async Task<bool> UnmergeAsync(ArtistId survivorId, ArtistId mergedId, CancellationToken cancellationToken = default)
    {
        var survivor = await artists.GetAsync(survivorId, cancellationToken);
        var merged = await artists.GetAsync(mergedId, cancellationToken);
        if (survivor is null || merged is null || (merged.MergedInto != survivorId && !survivor.MergedFrom.Contains(mergedId)))
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (survivor.MergedFrom.Contains(mergedId))
        {
            var own = new List<SourceRecord>();
            foreach (var id in survivor.SourceRecordIds.Except(merged.SourceRecordIds, StringComparer.Ordinal))
            {
                if (await records.GetAsync(id, cancellationToken) is { } record)
                {
                    own.Add(record);
                }
            }

            var rebuilt = ArtistRebuilder.Rebuild(survivor, own, validators, now).Artist
                ?? throw new InvalidOperationException($"Artist {survivorId} has no valid record of its own left to rebuild from.");
            var detached = merged.MergedFrom.Append(mergedId).ToHashSet();
            rebuilt = rebuilt with { MergedFrom = survivor.MergedFrom.Where(m => !detached.Contains(m)).ToList() };

            // The rebuilt snapshots are stored under the survivor's id already: nothing to append.
            survivor = await artists.SaveAsync(rebuilt, [], [new ArtistUnmerged(survivorId.Value, now, mergedId.Value)], cancellationToken);
        }

        if (merged.MergedInto == survivorId)
        {
            merged = await artists.SaveAsync(merged with { MergedInto = null, UpdatedAt = now }, [], [], cancellationToken);
        }

        await queue.EnqueueAsync(ScoreWork.For(survivor), cancellationToken);
        await queue.EnqueueAsync(ScoreWork.For(merged), cancellationToken);
        await queue.EnqueueAsync(EmbedWork.For(survivor), cancellationToken);
        await queue.EnqueueAsync(EmbedWork.For(merged), cancellationToken);
        return true;
    }
}

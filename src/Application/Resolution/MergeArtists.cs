using MonaSpark.Application.Lookalikes;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Resolution;

namespace MonaSpark.Application.Resolution;

/// <summary>
/// Use case: two stored artists are one. The survivor is saved first with everything of both
/// (<see cref="ArtistMerge"/>) and the <see cref="ArtistMerged"/> event, then the other becomes a
/// tombstone. Idempotent and safe to replay after a crash between the two saves: a survivor that
/// already lists the other only completes the tombstone, and the event is written once.
/// </summary>
public sealed class MergeArtists(IArtistStore artists, ILeadStore leads, IWorkQueue queue, TimeProvider time)
{
    /// <returns>The survivor as stored; null when either artist does not exist.</returns>
    public async Task<Artist?> MergeAsync(ArtistId survivorId, ArtistId mergedId, double confidence, CancellationToken cancellationToken = default)
    {
        var survivor = await artists.GetSurvivorAsync(survivorId, cancellationToken);
        var merged = await artists.GetAsync(mergedId, cancellationToken);
        if (merged?.MergedInto is not null && merged.MergedInto != survivor?.Id)
        {
            // Merged into a third artist earlier: that artist is what joins the survivor now.
            merged = await artists.FollowAsync(merged, cancellationToken);
        }

        if (survivor is null || merged is null || merged.Id == survivor.Id)
        {
            return survivor;
        }

        var now = time.GetUtcNow();
        if (!survivor.MergedFrom.Contains(merged.Id))
        {
            var combined = ArtistMerge.Combine(survivor, merged, now);
            survivor = await artists.SaveAsync(
                combined.Survivor,
                [],
                [new ArtistMerged(survivor.Id.Value, now, merged.Id.Value, confidence)],
                cancellationToken);
            await queue.EnqueueAsync(ScoreWork.For(survivor), cancellationToken);
            await queue.EnqueueAsync(EmbedWork.For(survivor), cancellationToken);
        }

        if (merged.MergedInto != survivor.Id)
        {
            var tombstone = await artists.SaveAsync(merged with { MergedInto = survivor.Id, UpdatedAt = now }, [], [], cancellationToken);

            // Takes the merged-away artist out of the lookalike index.
            await queue.EnqueueAsync(EmbedWork.For(tombstone), cancellationToken);
        }

        await RetireLeadAsync(merged.Id, now, cancellationToken);
        return survivor;
    }

    /// <summary>
    /// The merged-away artist is no longer a prospect of its own: its lead leaves the priority list
    /// (its score is dropped; the survivor is rescored). A lead already in outreach or beyond keeps its
    /// stage, so no history is rewritten.
    /// </summary>
    private async Task RetireLeadAsync(ArtistId mergedId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lead = await leads.GetAsync(mergedId, cancellationToken);
        if (lead is null || lead.Score is null || lead.Stage is not (Domain.Leads.FunnelStage.Discovered or Domain.Leads.FunnelStage.Scored or Domain.Leads.FunnelStage.Qualified))
        {
            return;
        }

        await leads.SaveAsync(
            lead with { Stage = Domain.Leads.FunnelStage.Disqualified, Score = null, Priority = 0, Tier = Domain.Leads.LeadTier.Unscored, UpdatedAt = now },
            [],
            cancellationToken);
    }
}

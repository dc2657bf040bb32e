using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Application.Telemetry;
using MonaSpark.Application.Work;
using MonaSpark.Domain.Commerce;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Features;
using MonaSpark.Domain.Leads;

namespace MonaSpark.Application.Scoring;

/// <summary>
/// Use case: score an artist as a lead, set its priority and tier, and qualify it when the priority
/// reaches the threshold. The features the score was computed from are stored with their as-of time
/// (the feature store: what training later reads). The scorer is the champion, or the challenger for
/// the artists in its share. Idempotent: the same artist version under the same model is scored once.
/// </summary>
public sealed class ScoreArtistHandler(
    IArtistStore artists,
    ILeadStore leads,
    IFeatureStore features,
    ActiveLeadScorers scorers,
    IOptions<ScoringOptions> options,
    TimeProvider time,
    MonaSparkTelemetry telemetry) : IWorkItemHandler
{
    /// <summary>How much history the scorer sees: the longest growth window (90 days) with margin.</summary>
    public static readonly TimeSpan HistoryWindow = TimeSpan.FromDays(120);

    public string Kind => WorkKinds.ScoreArtist;

    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var id = ArtistSubject.Of(item);

        // An erased or merged-away artist has nothing left to score: its survivor is scored instead.
        var artist = await artists.GetAsync(id, cancellationToken);
        if (artist is null || artist.MergedInto is not null)
        {
            return;
        }

        var lead = await leads.GetAsync(id, cancellationToken);
        var scorer = await scorers.ForAsync(id, cancellationToken);
        if (lead?.Score is { } previous && previous.ModelVersion == scorer.ModelVersion && lead.ScoredArtistVersion >= artist.Version)
        {
            return;
        }

        var now = time.GetUtcNow();
        // A survivor's history includes the snapshots its merged-away artists keep under their own ids.
        var history = await artists.GetAllSnapshotsAsync(artist, now - HistoryWindow, cancellationToken);
        var vector = FeatureSetV1.Compute(artist, history, lead?.Stage, now);
        await features.SaveAsync(vector, cancellationToken);
        var score = scorer.Score(new ScoringInput(artist, history, vector, now));
        var settings = options.Value;
        var priority = score.Priority(new Money(settings.ContactCostMinor, score.ExpectedValue.Currency));
        var tier = score.Probability >= settings.HotProbability ? LeadTier.Hot
            : score.Probability >= settings.WarmProbability ? LeadTier.Warm
            : LeadTier.Cold;
        var qualifies = priority >= settings.QualificationThresholdMinor;
        var stage = lead?.Stage ?? FunnelStage.Discovered;
        var newStage = stage switch
        {
            FunnelStage.Discovered or FunnelStage.Scored or FunnelStage.Qualified or FunnelStage.Disqualified =>
                qualifies ? FunnelStage.Qualified : FunnelStage.Scored,
            _ => stage, // Already in outreach or beyond: a new score never moves a lead backwards.
        };

        var events = new List<DomainEvent>
        {
            new LeadScored(id.Value, now, score.Probability, score.ExpectedValue.MinorUnits, score.ExpectedValue.Currency.Value, priority, score.ModelVersion, tier),
        };
        if (newStage == FunnelStage.Qualified && stage != FunnelStage.Qualified)
        {
            events.Add(new LeadQualified(id.Value, now, priority));
        }

        var updated = new Lead
        {
            ArtistId = id,
            DisplayName = artist.Name.Value,
            Stage = newStage,
            Score = score,
            Priority = priority,
            Tier = tier,
            ScoredArtistVersion = artist.Version,
            UpdatedAt = now,
            Version = lead?.Version ?? 0,
        };
        await leads.SaveAsync(updated, events, cancellationToken);
        telemetry.LeadsScored.Add(1, new KeyValuePair<string, object?>("tier", tier.ToString()));
    }
}

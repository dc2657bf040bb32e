using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Scoring;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Features;
using MonaSpark.Domain.Leads;

namespace MonaSpark.Application.Training;

/// <summary>
/// Use case: retrain the lead models from the outcomes in the journal (timer trigger on Azure, CLI
/// <c>train</c> locally). Each label's features are read as of the label's decision time, so nothing
/// observed later reaches training. Artists in the holdout bucket never train; on them the new model
/// and the champion (the baseline formula at cold start) are both evaluated. The new model is
/// registered as challenger, and promoted to champion when it beats the champion on both AUC and log
/// loss over at least <see cref="TrainingOptions.MinEvaluationOutcomes"/> held-out outcomes. Every
/// training is a <see cref="ModelTrained"/> event; every promotion a <see cref="ModelPromoted"/> event.
/// Then the top leads still in play (up to <see cref="TrainingOptions.MaxRescore"/>) are queued for
/// rescoring, so each gets the score of the model now assigned to it (the handler skips a lead
/// already scored by that model); the rest follow with their next profile version.
/// </summary>
public sealed partial class TrainLeadModels(
    IJournal journal,
    IFeatureStore features,
    IModelRegistry registry,
    ILeadModelTrainer trainer,
    ILeadStore leads,
    IWorkQueue queue,
    ActiveLeadScorers active,
    IOptions<TrainingOptions> options,
    IOptions<ScoringOptions> scoring,
    TimeProvider time,
    ILogger<TrainLeadModels> logger)
{
    /// <param name="includeSimulated">Train on simulated outcomes too (the demo, before any real outreach); never by default.</param>
    public async Task<TrainingReport> RunAsync(bool includeSimulated = false, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var labels = await OutcomeLabels.ReadAsync(journal, now, settings.OutcomeHorizon, scoring.Value.Currency, includeSimulated, cancellationToken);

        var training = new List<TrainingExample>();
        var holdout = new List<TrainingExample>();
        var withoutFeatures = 0;
        foreach (var label in labels)
        {
            // Point in time: the vector the artist had when the decision was made, never a later one.
            var vector = await features.GetAsOfAsync(label.ArtistId, FeatureSetV1.Version, label.DecidedAt, cancellationToken);
            if (vector is null)
            {
                withoutFeatures++;
                continue;
            }

            var example = new TrainingExample(vector, label.Converted, label.ValueMinor);
            (ArtistBuckets.In(label.ArtistId, ArtistBuckets.Holdout, settings.HoldoutPercent) ? holdout : training).Add(example);
        }

        var positives = training.Count(e => e.Converted);
        if (training.Count < settings.MinOutcomes || positives < settings.MinPositives)
        {
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"cold start: {training.Count} training outcomes with {positives} conversions; at least {settings.MinOutcomes} with {settings.MinPositives} conversions are needed. The baseline keeps scoring.");
            LogColdStart(logger, training.Count, positives);
            return new TrainingReport(labels.Count, withoutFeatures, training.Count, holdout.Count, null, null, null, false, reason);
        }

        var modelId = ModelId(now, training);
        var trained = trainer.Train(modelId, training, settings.Seed);
        var outcomes = holdout.Select(e => e.Converted).ToList();
        var vectors = holdout.Select(e => e.Features).ToList();
        var metrics = ModelEvaluation.Evaluate(trained.Scorer.Probabilities(vectors), outcomes);

        var roles = await registry.GetRolesAsync(cancellationToken);
        var champion = await active.ChampionAsync(cancellationToken);
        var championMetrics = ModelEvaluation.Evaluate(champion.Probabilities(vectors), outcomes);

        var enough = holdout.Count >= settings.MinEvaluationOutcomes && metrics.Positives > 0 && metrics.Positives < metrics.EvaluatedOn;
        var wins = metrics.Auc > championMetrics.Auc && metrics.LogLoss < championMetrics.LogLoss;
        var promote = enough && wins;
        var inv = CultureInfo.InvariantCulture;
        var decision = promote
            ? string.Create(inv, $"promoted: AUC {metrics.Auc:F3} > {championMetrics.Auc:F3} and log loss {metrics.LogLoss:F3} < {championMetrics.LogLoss:F3} on {holdout.Count} held-out outcomes")
            : !enough
                ? string.Create(inv, $"kept as challenger: {holdout.Count} held-out outcomes ({metrics.Positives} conversions), at least {settings.MinEvaluationOutcomes} with both classes are needed to judge")
                : string.Create(inv, $"kept as challenger: AUC {metrics.Auc:F3} vs {championMetrics.Auc:F3}, log loss {metrics.LogLoss:F3} vs {championMetrics.LogLoss:F3}; it must win on both");

        var record = new ModelRecord(modelId, FeatureSetV1.Version, now, training.Count, positives, metrics);
        await registry.RegisterAsync(record, trained.Content, cancellationToken);
        var events = new List<DomainEvent>
        {
            new ModelTrained(ModelEvents.Stream, now, modelId, champion.ModelVersion, metrics.Auc, metrics.LogLoss, championMetrics.Auc, championMetrics.LogLoss, holdout.Count, promote, decision),
        };
        if (promote)
        {
            events.Add(new ModelPromoted(ModelEvents.Stream, now, modelId, champion.ModelVersion, metrics.Auc, metrics.LogLoss));
        }

        await registry.SetRolesAsync(promote ? new ModelRoles(modelId, null) : roles with { Challenger = modelId }, events, cancellationToken);
        active.Invalidate();
        LogTrained(logger, modelId, promote, decision);
        var rescoring = await QueueRescoringAsync(modelId, cancellationToken);
        return new TrainingReport(labels.Count, withoutFeatures, training.Count, holdout.Count, record, championMetrics, champion.ModelVersion, promote, decision) { RescoringQueued = rescoring };
    }

    /// <summary>Leads a new model may score: every stage before the customer's, except those who objected.</summary>
    private static readonly FunnelStage[] InPlay = [FunnelStage.Scored, FunnelStage.Qualified, FunnelStage.Disqualified, FunnelStage.Contacted, FunnelStage.Engaged];

    private async Task<int> QueueRescoringAsync(string modelId, CancellationToken cancellationToken)
    {
        // The most valuable first: the top leads by priority still in play.
        var inPlay = (await leads.TopByPriorityAsync(options.Value.MaxRescore, cancellationToken)).Where(l => InPlay.Contains(l.Stage)).ToList();
        foreach (var lead in inPlay)
        {
            await queue.EnqueueAsync(new WorkItem($"rescore:{lead.ArtistId}:{modelId}", WorkKinds.ScoreArtist, lead.ArtistId.Value), cancellationToken);
        }

        return inPlay.Count;
    }

    /// <summary>Time-stamped and tied to its training data, so retraining on the same outcomes at the same second gives the same id.</summary>
    private static string ModelId(DateTimeOffset now, List<TrainingExample> training)
    {
        var digest = new StringBuilder();
        foreach (var e in training)
        {
            digest.Append(e.Features.ArtistId.Value).Append(e.Converted ? '1' : '0').Append(e.ValueMinor).Append(';');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(digest.ToString())).AsSpan(0, 4));
        return string.Create(CultureInfo.InvariantCulture, $"lead-{now.UtcDateTime:yyyyMMdd'T'HHmmss}-{hash}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cold start: {Outcomes} outcomes with {Positives} conversions are not enough to train; the baseline keeps scoring")]
    private static partial void LogColdStart(ILogger logger, int outcomes, int positives);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained {ModelId} (promoted: {Promoted}): {Decision}")]
    private static partial void LogTrained(ILogger logger, string modelId, bool promoted, string decision);
}

/// <summary>What a training run did.</summary>
/// <param name="Labels">Outcomes found in the journal (closed ones).</param>
/// <param name="WithoutFeatures">Outcomes skipped because the artist had no features stored at decision time.</param>
/// <param name="Training">Outcomes trained on.</param>
/// <param name="Holdout">Outcomes held out to judge.</param>
/// <param name="Model">The new model with its held-out metrics, or null at cold start.</param>
/// <param name="ChampionMetrics">The champion's metrics on the same held-out outcomes.</param>
/// <param name="Champion">The champion it was compared with.</param>
/// <param name="Promoted">Whether the new model is now the champion.</param>
/// <param name="Decision">Why, in plain words.</param>
public sealed record TrainingReport(
    int Labels,
    int WithoutFeatures,
    int Training,
    int Holdout,
    ModelRecord? Model,
    ModelMetrics? ChampionMetrics,
    string? Champion,
    bool Promoted,
    string Decision)
{
    /// <summary>Leads queued to be scored again by the models now in their roles.</summary>
    public int RescoringQueued { get; init; }
}

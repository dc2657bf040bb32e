using Microsoft.Azure.Functions.Worker;
using MonaSpark.Application.Training;

namespace MonaSpark.Functions.Triggers;

/// <summary>
/// Retrains the lead models from the journal's outcomes every night (TrainLeadModels: cold start
/// until enough outcomes, promotion only when the new model beats the champion on held-out outcomes,
/// then the leads are queued for rescoring). On demand, the local host's <c>train</c> runs the same use case.
/// </summary>
public sealed class RetrainModels(TrainLeadModels training)
{
    /// <summary>Daily at 03:30 UTC, when outreach is quiet (NCRONTAB with seconds).</summary>
    public const string Schedule = "0 30 3 * * *";

    [Function(nameof(RetrainModels))]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        training.RunAsync(cancellationToken: cancellationToken);
}

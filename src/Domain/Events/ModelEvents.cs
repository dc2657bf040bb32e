namespace MonaSpark.Domain.Events;

/// <summary>
/// A lead model was trained from outcomes and evaluated on held-out outcomes against the champion
/// (an ML model, or the baseline formula). Stream: <see cref="ModelEvents.Stream"/>.
/// </summary>
/// <param name="ModelId">The new model (now champion or challenger).</param>
/// <param name="Champion">The model it was compared with (<c>baseline-1</c> at cold start).</param>
/// <param name="Auc">The new model's AUC on the held-out outcomes.</param>
/// <param name="LogLoss">The new model's log loss on the held-out outcomes.</param>
/// <param name="ChampionAuc">The champion's AUC on the same outcomes.</param>
/// <param name="ChampionLogLoss">The champion's log loss on the same outcomes.</param>
/// <param name="EvaluatedOn">Held-out outcomes both were evaluated on.</param>
/// <param name="Decision">Why it was promoted or kept as challenger, in plain words.</param>
public sealed record ModelTrained(
    string StreamId,
    DateTimeOffset OccurredAt,
    string ModelId,
    string Champion,
    double Auc,
    double LogLoss,
    double ChampionAuc,
    double ChampionLogLoss,
    int EvaluatedOn,
    bool Promoted,
    string Decision)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>A challenger beat the champion on held-out outcomes and now scores every lead outside the challenger share.</summary>
public sealed record ModelPromoted(string StreamId, DateTimeOffset OccurredAt, string ModelId, string Replaced, double Auc, double LogLoss)
    : DomainEvent(StreamId, OccurredAt);

/// <summary>Names shared by the model events.</summary>
public static class ModelEvents
{
    /// <summary>The journal stream of model lifecycle events.</summary>
    public const string Stream = "models:lead";
}

using MonaSpark.Domain.Events;

namespace MonaSpark.Application.Ports;

/// <summary>
/// Trained lead models with their metrics, and which one is champion (scores every lead) and which
/// challenger (scores a fixed share, chosen by artist id). No champion means the baseline formula.
/// </summary>
public interface IModelRegistry
{
    /// <summary>Stores a model and its serialised content. Registering the same id again changes nothing.</summary>
    Task RegisterAsync(ModelRecord model, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    Task<ModelRecord?> GetAsync(string modelId, CancellationToken cancellationToken = default);

    /// <summary>The serialised model, or null when the id is unknown.</summary>
    Task<byte[]?> GetContentAsync(string modelId, CancellationToken cancellationToken = default);

    /// <summary>Registered models, newest first.</summary>
    Task<IReadOnlyList<ModelRecord>> ListAsync(int maxCount, CancellationToken cancellationToken = default);

    Task<ModelRoles> GetRolesAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets both roles at once, with the events that explain the change (appended atomically where the store can).</summary>
    /// <exception cref="KeyNotFoundException">A role names a model that is not registered.</exception>
    Task SetRolesAsync(ModelRoles roles, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default);
}

/// <summary>A registered model: what it was trained on and how it did on held-out outcomes.</summary>
/// <param name="Id">The model version stamped on scores, e.g. <c>lead-20261125T113000-1a2b3c4d</c>.</param>
/// <param name="FeatureSet">The feature-set version it reads.</param>
/// <param name="CreatedAt">When it was trained.</param>
/// <param name="TrainedOn">Outcomes it was trained on.</param>
/// <param name="TrainedPositives">Conversions among them.</param>
/// <param name="Metrics">Its figures on the held-out outcomes.</param>
public sealed record ModelRecord(string Id, string FeatureSet, DateTimeOffset CreatedAt, int TrainedOn, int TrainedPositives, ModelMetrics Metrics);

/// <summary>Binary-classification figures on held-out outcomes.</summary>
/// <param name="Auc">Area under the ROC curve (0.5 = chance).</param>
/// <param name="LogLoss">Mean negative log-likelihood (lower is better).</param>
/// <param name="CalibrationError">Expected calibration error over ten probability bins (0 = perfectly calibrated).</param>
/// <param name="EvaluatedOn">Outcomes evaluated.</param>
/// <param name="Positives">Conversions among them.</param>
public sealed record ModelMetrics(double Auc, double LogLoss, double CalibrationError, int EvaluatedOn, int Positives);

/// <summary>The champion (null: the baseline formula) and the challenger (null: none).</summary>
public sealed record ModelRoles(string? Champion, string? Challenger)
{
    public static readonly ModelRoles None = new(null, null);
}

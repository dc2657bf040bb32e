using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Leads;

namespace MonaSpark.Application.Ports;

/// <summary>
/// Scores an artist's likelihood to convert and expected value, explainably. The baseline formula
/// and the ML models implement the same port.
/// </summary>
public interface ILeadScorer
{
    /// <summary>The model or formula version stamped on every score.</summary>
    string ModelVersion { get; }

    /// <summary>Scores one artist from its profile and metric history. Pure: no I/O.</summary>
    Score Score(Artist artist, IReadOnlyList<MetricSnapshot> history, DateTimeOffset asOf);
}

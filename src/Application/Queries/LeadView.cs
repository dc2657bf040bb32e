using MonaSpark.Domain.Leads;

namespace MonaSpark.Application.Queries;

/// <summary>A lead as shown on <c>GET /api/leads</c> and the dashboard.</summary>
public sealed record LeadView(
    string ArtistId,
    string Name,
    string Stage,
    string Tier,
    double Probability,
    long ExpectedValueMinor,
    string Currency,
    long PriorityMinor,
    string ModelVersion,
    IReadOnlyList<string> Explanation,
    DateTimeOffset ScoredAt)
{
    public static LeadView From(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var score = lead.Score ?? throw new ArgumentException("Only scored leads have a view.", nameof(lead));
        return new LeadView(
            lead.ArtistId.Value,
            lead.DisplayName,
            lead.Stage.ToString(),
            lead.Tier.ToString(),
            score.Probability,
            score.ExpectedValue.MinorUnits,
            score.ExpectedValue.Currency.Value,
            lead.Priority,
            score.ModelVersion,
            score.Explanation.Select(c => c.Description).ToList(),
            score.ScoredAt);
    }
}

using MonaSpark.Application.Lookalikes;
using MonaSpark.Application.Queries;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Edge.Dashboard;

/// <summary>Everything the dashboard shows, loaded before rendering.</summary>
public sealed record DashboardModel(IReadOnlyList<LeadView> Leads, Kpis Kpis, DateTimeOffset GeneratedAt)
{
    /// <summary>The lead models in their roles.</summary>
    public ModelsView? Models { get; init; }

    /// <summary>The artists most like the customers.</summary>
    public LookalikeResult? Lookalikes { get; init; }

    /// <summary>Each lead's current landing page (artist id → link), for the leads that have one.</summary>
    public IReadOnlyDictionary<string, Uri> LandingLinks { get; init; } = new Dictionary<string, Uri>();

    /// <summary>The newest outreach messages, as rendered for their channel (the outbox).</summary>
    public IReadOnlyList<Message> Outbox { get; init; } = [];
}

using MonaSpark.Application.Queries;

namespace MonaSpark.Edge.Dashboard;

/// <summary>Everything the dashboard shows, loaded before rendering.</summary>
public sealed record DashboardModel(IReadOnlyList<LeadView> Leads, Kpis Kpis, DateTimeOffset GeneratedAt);

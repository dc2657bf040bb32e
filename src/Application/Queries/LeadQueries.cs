using MonaSpark.Application.Ports;

namespace MonaSpark.Application.Queries;

/// <summary>Read side for the team: leads by priority with their score and explanation.</summary>
public sealed class LeadQueries(ILeadStore leads)
{
    public const int MaxPageSize = 500;

    public async Task<IReadOnlyList<LeadView>> TopAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxPageSize);
        var top = await leads.TopByPriorityAsync(count, cancellationToken);
        return top.Select(LeadView.From).ToList();
    }
}

using MonaSpark.Application.Ports;
using MonaSpark.Domain.Leads;

namespace MonaSpark.Workflows.Journeys;

/// <summary>
/// Starts a <c>LeadJourney</c> for qualified leads, best first. A lead leaves "qualified" when its
/// first message goes out, and an artist has one journey at a time, so calling this again starts only
/// what is new. Starts slow down when the send path is backed up (<see cref="JourneyClient"/>).
/// </summary>
public sealed class JourneyStarter(ILeadStore leads, JourneyClient journeys)
{
    /// <returns>How many journeys this call started.</returns>
    public async Task<int> StartQualifiedAsync(string campaignId, JourneySchedule schedule, int max, CancellationToken cancellationToken = default)
    {
        var qualified = await leads.ListByStageAsync([FunnelStage.Qualified], max, cancellationToken);
        var started = 0;
        foreach (var lead in qualified.OrderByDescending(l => l.Priority))
        {
            started += await journeys.StartAsync(lead.ArtistId.Value, campaignId, schedule, again: false, cancellationToken) ? 1 : 0;
        }

        return started;
    }
}

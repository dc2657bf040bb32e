using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;

namespace MonaSpark.Workflows.Journeys;

/// <summary>
/// Resumes journeys after the local host restarts (ADR-009). The in-process engine keeps its state in
/// memory, so a restart loses every journey in flight; the journal does not. Recovery finds the
/// journeys the journal started and never ended, schedules each again with the same id and input (its
/// original start time, so its links and deadlines are unchanged), and rewinds the signal relay to the
/// earliest of their starts, so every answer they had received is raised again. The steps are
/// idempotent under their keys: a message already sent is not sent again, a draft is not redrafted.
/// </summary>
public sealed class JourneyRecovery(IJournal journal, JourneyClient journeys, JourneySignalRelay relay)
{
    /// <returns>How many journeys were resumed.</returns>
    public async Task<int> ResumeAsync(JourneySchedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var open = new Dictionary<string, (JourneyStarted Started, long Position)>(StringComparer.Ordinal);
        long after = 0;
        while (true)
        {
            var entries = await journal.ReadAsync(after, 5_000, cancellationToken);
            if (entries.Count == 0)
            {
                break;
            }

            foreach (var entry in entries)
            {
                if (entry.Event is JourneyStarted started)
                {
                    open[started.JourneyId] = (started, entry.Position);
                }
                else if (entry.Event is JourneyEnded ended)
                {
                    open.Remove(ended.JourneyId);
                }
            }

            after = entries[^1].Position;
        }

        var resumed = 0;
        foreach (var (started, _) in open.Values)
        {
            var input = new JourneyInput(started.StreamId, started.CampaignId, started.OccurredAt, schedule);
            resumed += await journeys.ResumeAsync(input, cancellationToken) ? 1 : 0;
        }

        if (open.Count > 0)
        {
            await relay.RewindAsync(open.Values.Min(o => o.Position), cancellationToken);
        }

        return resumed;
    }
}

using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Application.Queries;

/// <summary>
/// Journeys and their messages, from the journal and the outbox: how many started, ended (by outcome)
/// and are in flight; the messages by status and channel; and the checks a crash must never break —
/// one <see cref="OutreachSent"/> per message sent (no duplicate) and no message left waiting by a
/// journey that has ended (none lost).
/// </summary>
public sealed class JourneysQuery(IJournal journal, IOutreachMessageStore messages)
{
    public async Task<JourneysReport> GetAsync(CancellationToken cancellationToken = default)
    {
        var started = new Dictionary<string, string>(StringComparer.Ordinal);
        var ended = new Dictionary<string, string>(StringComparer.Ordinal);
        var sentEvents = new Dictionary<string, int>(StringComparer.Ordinal);
        long after = 0;
        while (await journal.ReadAsync(after, 5_000, cancellationToken) is { Count: > 0 } entries)
        {
            foreach (var entry in entries)
            {
                switch (entry.Event)
                {
                    case JourneyStarted s:
                        started[s.JourneyId] = s.StreamId;
                        ended.Remove(s.JourneyId);
                        break;
                    case JourneyEnded e:
                        ended[e.JourneyId] = e.Outcome;
                        break;
                    case OutreachSent o when IsJourneyMessage(o.MessageId):
                        sentEvents[o.MessageId] = sentEvents.GetValueOrDefault(o.MessageId) + 1;
                        break;
                }
            }

            after = entries[^1].Position;
        }

        var all = await messages.ListRecentAsync(int.MaxValue, cancellationToken);
        var journeyMessages = all.Where(m => IsJourneyMessage(m.Id)).ToList();
        var stranded = journeyMessages.Count(m =>
            m.Status is MessageStatus.Drafted or MessageStatus.Scheduled
            && ended.ContainsKey(m.Id[..m.Id.IndexOf(':', StringComparison.Ordinal)]));
        return new JourneysReport(
            started.Count,
            ended.Count,
            started.Keys.Count(id => !ended.ContainsKey(id)),
            ended.Values.GroupBy(o => o, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            journeyMessages.GroupBy(m => m.Status).ToDictionary(g => g.Key, g => g.Count()),
            journeyMessages.Where(m => MessageStatuses.WasSent(m.Status)).GroupBy(m => m.Channel.ToString()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            sentEvents.Values.Sum(),
            sentEvents.Count(e => e.Value > 1),
            stranded);
    }

    /// <summary>Messages journeys drafted (<c>journey-{artist}:m{step}:{channel}</c>), not simulated history.</summary>
    private static bool IsJourneyMessage(string messageId) => messageId.StartsWith("journey-", StringComparison.Ordinal) && messageId.Contains(':', StringComparison.Ordinal);
}

/// <param name="SentEvents">Every <see cref="OutreachSent"/> of a journey's message in the journal.</param>
/// <param name="DuplicatedSends">Messages with more than one <see cref="OutreachSent"/> (must be 0).</param>
/// <param name="Stranded">Messages still drafted or scheduled whose journey has ended (must be 0: a send lost).</param>
public sealed record JourneysReport(
    int Started,
    int Ended,
    int InFlight,
    IReadOnlyDictionary<string, int> Outcomes,
    IReadOnlyDictionary<MessageStatus, int> MessagesByStatus,
    IReadOnlyDictionary<string, int> SentByChannel,
    int SentEvents,
    int DuplicatedSends,
    int Stranded);

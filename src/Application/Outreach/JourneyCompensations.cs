using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach;

namespace MonaSpark.Application.Outreach;

/// <summary>
/// What a journey undoes when it stops early (opt-out, erasure, a failure after a side effect):
/// every message of the journey not yet sent is cancelled (and journalled once), and the sender
/// quota each one held is released. Idempotent: cancelling again finds nothing left to cancel.
/// A message already handed to its provider (<see cref="MessageStatus.Scheduled"/>) is left to its
/// send, which settles it: its work item holds it until it is sent or refused.
/// </summary>
public sealed class JourneyCompensations(IOutreachMessageStore messages, ISenderLedger senders, IJournal journal, IOptions<OutreachOptions> options, TimeProvider time)
{
    /// <returns>How many messages were cancelled by this call.</returns>
    public async Task<int> CancelPendingAsync(string artistId, string journeyId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(journeyId);
        if (!Domain.Artists.ArtistId.TryParse(artistId, out var id))
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var cancelled = 0;
        var events = new List<DomainEvent>();
        foreach (var message in await messages.ListByArtistAsync(id, cancellationToken))
        {
            if (!message.Id.StartsWith(journeyId + ":", StringComparison.Ordinal) || message.Status is not MessageStatus.Drafted)
            {
                continue;
            }

            if (await messages.SetStatusAsync(message.Id, MessageStatus.Cancelled, now, null, cancellationToken))
            {
                await senders.ReleaseAsync(message.Sender ?? options.Value.SenderFor(message.Channel), message.IdempotencyKey, cancellationToken);
                events.Add(new OutreachCancelled(id.Value, now, message.Id, reason));
                cancelled++;
            }
        }

        await journal.AppendAsync(events, cancellationToken);
        return cancelled;
    }
}

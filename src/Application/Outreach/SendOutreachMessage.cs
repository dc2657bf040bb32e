using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Application.Telemetry;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Leads;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Outreach.Policies;

namespace MonaSpark.Application.Outreach;

/// <summary>
/// Sends one stored message, after every check, exactly once per message id:
/// <list type="number">
/// <item>a message already sent answers "sent" with its original time (a replayed or retried step sends nothing);</item>
/// <item>the send policy, from the person's standing <em>now</em> (objections, suppression, lawful basis,
/// eligibility, then the shared cap and the recipient's window): a refusal cancels the message, a deferral says until when;</item>
/// <item>the sender: paused (or over its complaint or bounce limit, which pauses it and raises an alert) defers;
/// its daily warm-up quota is reserved under the message's key, and a full day defers to the next;</item>
/// <item>the provider's rate limit: its next slot, shared by every instance, waited for (or, too far ahead, a transient failure);</item>
/// <item>the channel. Accepted: the message, the person's send record, the sender's record and the journal
/// (<see cref="OutreachSent"/>) are updated. Refused by the provider: the message fails and the quota is
/// released. A transient error propagates (the step retries under the same key and quota).</item>
/// </list>
/// Every outcome is journalled once (<see cref="OutreachSent"/>, <see cref="OutreachDeferred"/>,
/// <see cref="OutreachCancelled"/>, <see cref="OutreachFailed"/>): a journey learns it from the journal,
/// as it learns every answer, because the send runs from a queue, not inside the journey.
/// </summary>
public sealed partial class SendOutreachMessage(
    IOutreachMessageStore messages,
    IArtistStore artists,
    ContactSelection selection,
    ISenderLedger senders,
    ProviderRateLimits rateLimits,
    IEnumerable<IOutreachChannel> channels,
    IJournal journal,
    ILeadStore leads,
    IContactRegistry contacts,
    IOptions<OutreachOptions> options,
    TimeProvider time,
    MonaSparkTelemetry telemetry,
    ILogger<SendOutreachMessage> logger)
{
    /// <summary>How long a paused sender's messages wait before they look again.</summary>
    public static readonly TimeSpan PausedRetry = TimeSpan.FromHours(1);

    /// <summary>The window sender statistics are judged over.</summary>
    public static readonly TimeSpan HealthWindow = TimeSpan.FromDays(30);

    /// <param name="dispatch">The journey's attempt at this message (0 first), carried by the deferral it journals.</param>
    public async Task<SendOutcome> SendAsync(string messageId, int dispatch = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var now = time.GetUtcNow();
        var message = await messages.GetAsync(messageId, cancellationToken);
        if (message is null)
        {
            return SendOutcome.Refused(now, [SendPathReasons.UnknownMessage]);
        }

        if (MessageStatuses.WasSent(message.Status))
        {
            return SendOutcome.Sent(message.StatusAt ?? message.CreatedAt);
        }

        if (message.Status is MessageStatus.Cancelled)
        {
            return SendOutcome.Refused(now, [SendPathReasons.Cancelled]);
        }

        if (message.Status is MessageStatus.Failed)
        {
            return SendOutcome.Failed(message.StatusAt ?? now, SendPathReasons.ProviderRefused);
        }

        var artist = await artists.GetSurvivorAsync(message.ArtistId, cancellationToken);
        var address = ContactStanding.NormaliseAddress(message.Recipient);
        var point = artist?.ContactPoints.FirstOrDefault(c => c.Channel == message.Channel && ContactStanding.NormaliseAddress(c.Address) == address);
        if (artist is null || point is null)
        {
            return await CancelAsync(message, artist is null ? SendPathReasons.ArtistErased : SendPathReasons.NoContactPoint, now, cancellationToken);
        }

        var settings = options.Value;
        var decision = await selection.EvaluateAsync(artist, point, new SendPolicy(settings.PolicySettings()), now, cancellationToken);
        if (decision.Verdict == SendVerdict.Refused)
        {
            return await CancelAsync(message, string.Join(',', decision.Reasons), now, cancellationToken, decision.Reasons);
        }

        if (decision.Verdict == SendVerdict.Deferred)
        {
            return await DeferAsync(message, SendOutcome.Deferred(now, decision.NotBefore!.Value, decision.Reasons[0]), dispatch, cancellationToken);
        }

        var channel = channels.FirstOrDefault(c => c.Channel == message.Channel);
        if (channel is null)
        {
            await journal.AppendAsync([new OutreachFailed(message.ArtistId.Value, now, message.Id, SendPathReasons.NoChannel)], cancellationToken);
            return SendOutcome.Failed(now, SendPathReasons.NoChannel);
        }

        var sender = message.Sender ?? settings.SenderFor(message.Channel);
        var gate = await ReserveAsync(sender, message, now, cancellationToken);
        if (gate is not null)
        {
            return await DeferAsync(message, gate, dispatch, cancellationToken);
        }

        SendResult result;
        await rateLimits.WaitForSlotAsync(message.Channel, cancellationToken);
        if (!await messages.SetStatusAsync(message.Id, MessageStatus.Scheduled, time.GetUtcNow(), null, cancellationToken))
        {
            // Cancelled while it waited (the journey ended, an opt-out): it is not sent, and its quota goes back.
            await senders.ReleaseAsync(sender, message.IdempotencyKey, cancellationToken);
            return SendOutcome.Refused(time.GetUtcNow(), [SendPathReasons.Cancelled]);
        }

        result = await channel.SendAsync(message, cancellationToken);

        var at = time.GetUtcNow();
        if (!result.Accepted)
        {
            if (await messages.SetStatusAsync(message.Id, MessageStatus.Failed, at, null, cancellationToken))
            {
                await journal.AppendAsync([new OutreachFailed(message.ArtistId.Value, at, message.Id, SendPathReasons.ProviderRefused)], cancellationToken);
            }

            await senders.ReleaseAsync(sender, message.IdempotencyKey, cancellationToken);
            telemetry.Sends.Add(1, new KeyValuePair<string, object?>("channel", message.Channel.ToString()), new KeyValuePair<string, object?>("result", "refused"));
            LogProviderRefused(logger, message.Id, message.Channel);
            return SendOutcome.Failed(at, SendPathReasons.ProviderRefused);
        }

        await messages.SetStatusAsync(message.Id, MessageStatus.Sent, at, result.ProviderMessageId, cancellationToken);
        await contacts.RecordSendAsync(message.ArtistId, message.Id, message.Channel, at, cancellationToken);
        await senders.RecordAsync(sender, message.Id, SenderOutcome.Sent, at, cancellationToken);
        await RecordSentAsync(message, at, cancellationToken);
        telemetry.Sends.Add(1, new KeyValuePair<string, object?>("channel", message.Channel.ToString()), new KeyValuePair<string, object?>("result", "sent"));
        return SendOutcome.Sent(at);
    }

    /// <summary>
    /// The send was given up on (its work item used its attempts; the reason stays with the dead letter): a message not yet sent fails, its
    /// quota is released, and <see cref="OutreachFailed"/> is journalled once. A message sent or settled
    /// meanwhile is left as it is.
    /// </summary>
    public async Task GiveUpAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var message = await messages.GetAsync(messageId, cancellationToken);
        if (message is null || message.Status is not (MessageStatus.Drafted or MessageStatus.Scheduled))
        {
            return;
        }

        var now = time.GetUtcNow();
        if (await messages.SetStatusAsync(message.Id, MessageStatus.Failed, now, null, cancellationToken))
        {
            await senders.ReleaseAsync(message.Sender ?? options.Value.SenderFor(message.Channel), message.IdempotencyKey, cancellationToken);
            await journal.AppendAsync([new OutreachFailed(message.ArtistId.Value, now, message.Id, SendPathReasons.GaveUp)], cancellationToken);
            LogGaveUp(logger, message.Id);
        }
    }

    /// <summary>The lead moves to Contacted with the <see cref="OutreachSent"/> event that explains it (one unit of work); without a lead, the event alone.</summary>
    private async Task RecordSentAsync(Message message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        DomainEvent sent = new OutreachSent(message.ArtistId.Value, at, message.Id, message.CampaignId, message.VariantId, message.Channel);
        var lead = await leads.GetAsync(message.ArtistId, cancellationToken);
        if (lead is { Stage: < FunnelStage.Contacted })
        {
            await leads.SaveAsync(lead with { Stage = FunnelStage.Contacted, UpdatedAt = at }, [sent], cancellationToken);
        }
        else
        {
            await journal.AppendAsync([sent], cancellationToken);
        }
    }

    /// <summary>A deferral is journalled (the journey learns of it from the journal, and the contact history shows it).</summary>
    private async Task<SendOutcome> DeferAsync(Message message, SendOutcome deferral, int dispatch, CancellationToken cancellationToken)
    {
        telemetry.SendsDeferred.Add(1, new KeyValuePair<string, object?>("reason", deferral.Reasons[0]));
        await journal.AppendAsync([new OutreachDeferred(message.ArtistId.Value, deferral.At, message.Id, deferral.NotBefore!.Value, deferral.Reasons[0], dispatch)], cancellationToken);
        return deferral;
    }

    /// <summary>Null when the sender may send and a unit of today's quota is held; else the deferral.</summary>
    private async Task<SendOutcome?> ReserveAsync(string sender, Message message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var health = new SenderHealth(settings.SenderHealth);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var record = await senders.GetAsync(sender, today, now - HealthWindow, cancellationToken);
        if (!record.Paused && health.Judge(record.Stats) is { Paused: true } verdict)
        {
            await senders.PauseAsync(sender, verdict.Reason, now, cancellationToken);
            await journal.AppendAsync([new SenderPaused(sender, now, verdict.Reason.ToString(), verdict.Rate)], cancellationToken);
            telemetry.SenderPauses.Add(1, new KeyValuePair<string, object?>("reason", verdict.Reason.ToString()));
            LogSenderPaused(logger, sender, verdict.Reason, verdict.Rate);
            record = record with { PausedAt = now, PauseReason = verdict.Reason };
        }

        if (record.Paused)
        {
            return SendOutcome.Deferred(now, now + PausedRetry, SendPathReasons.SenderPaused);
        }

        var cap = health.DailyCap(record.FirstSendDay ?? today, today);
        var reservation = await senders.TryReserveAsync(sender, message.IdempotencyKey, today, cap, cancellationToken);
        return reservation.Granted
            ? null
            : SendOutcome.Deferred(now, new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), SendPathReasons.DailyCap);
    }

    private async Task<SendOutcome> CancelAsync(Message message, string reason, DateTimeOffset now, CancellationToken cancellationToken, IReadOnlyList<string>? reasons = null)
    {
        if (await messages.SetStatusAsync(message.Id, MessageStatus.Cancelled, now, null, cancellationToken))
        {
            await journal.AppendAsync([new OutreachCancelled(message.ArtistId.Value, now, message.Id, reason)], cancellationToken);
        }

        telemetry.Sends.Add(1, new KeyValuePair<string, object?>("channel", message.Channel.ToString()), new KeyValuePair<string, object?>("result", "refused-by-policy"));
        return SendOutcome.Refused(now, reasons ?? [reason]);
    }

    // Ids and codes only: never an address or a message text.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider refused message {MessageId} on {Channel}")]
    private static partial void LogProviderRefused(ILogger logger, string messageId, ContactChannel channel);

    // The queue's reason (an exception's text) may name the recipient: it stays in the dead letter, out of the logs.
    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up sending message {MessageId} after its work item's last attempt")]
    private static partial void LogGaveUp(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Critical, Message = "ALERT: sender {Sender} paused automatically: {Reason} rate {Rate:P2}")]
    private static partial void LogSenderPaused(ILogger logger, string sender, SenderPauseReason reason, double rate);
}

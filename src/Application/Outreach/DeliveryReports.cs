using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Outreach.Policies;

namespace MonaSpark.Application.Outreach;

/// <summary>
/// Use case behind <c>POST /api/webhooks/{provider}</c>, after the signature was verified: applies each
/// provider report. A hard bounce or a complaint suppresses the address for everyone and counts against
/// the sender (whose health may pause it); a complaint, an unsubscribe or an SMS STOP is an objection
/// on that channel; START opts back in; a reply opens the conversation window; a click is journalled.
/// Messages move forward only. Reports are applied once per provider event id: a provider retrying a
/// webhook changes nothing.
/// </summary>
public sealed partial class DeliveryReports(
    IOutreachMessageStore messages,
    IContactRegistry contacts,
    ISenderLedger senders,
    IJournal journal,
    IReadModelStore processed,
    IOptions<OutreachOptions> options,
    ILogger<DeliveryReports> logger)
{
    /// <summary>Where applied report ids are remembered (a read-model "projection" of webhook ids).</summary>
    public const string ProcessedName = "webhook-reports";

    /// <returns>How many reports were applied (duplicates and reports about unknown messages are not).</returns>
    public async Task<int> ApplyAsync(IReadOnlyList<DeliveryEvent> reports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var applied = 0;
        foreach (var report in reports)
        {
            var key = $"{report.Provider}:{report.EventId}";
            if (await processed.GetAsync(ProcessedName, key, cancellationToken) is not null)
            {
                continue;
            }

            if (await ApplyAsync(report, cancellationToken))
            {
                applied++;
            }

            await processed.SaveAsync(ProcessedName, [new ReadModelRow(key, "{}", 0)], 0, cancellationToken);
        }

        return applied;
    }

    private async Task<bool> ApplyAsync(DeliveryEvent report, CancellationToken cancellationToken)
    {
        var message = report.ProviderMessageId is { } providerId ? await messages.FindByProviderIdAsync(providerId, cancellationToken) : null;
        var artist = message?.ArtistId;
        if (report.Kind is DeliveryEventKind.Bounced or DeliveryEventKind.Complained)
        {
            await contacts.SuppressAsync(report.Address, report.Kind == DeliveryEventKind.Bounced ? "hard-bounce" : "complaint", report.OccurredAt, cancellationToken);
        }

        if (artist is null)
        {
            // An inbound SMS (a reply, STOP) names no message: the number's last message tells whose it is.
            message = await messages.FindLatestToAsync(report.Address, cancellationToken);
            artist = message?.ArtistId;
        }

        if (message is null || artist is not { } id)
        {
            LogUnmatched(logger, report.Provider, report.Kind);
            return report.Kind is DeliveryEventKind.Bounced or DeliveryEventKind.Complained;
        }

        var sender = message.Sender ?? options.Value.SenderFor(message.Channel);
        var events = new List<DomainEvent>();
        switch (report.Kind)
        {
            case DeliveryEventKind.Delivered:
                await messages.SetStatusAsync(message.Id, MessageStatus.Delivered, report.OccurredAt, null, cancellationToken);
                break;
            case DeliveryEventKind.Bounced:
                await messages.SetStatusAsync(message.Id, MessageStatus.Bounced, report.OccurredAt, null, cancellationToken);
                await senders.RecordAsync(sender, message.Id, SenderOutcome.Bounced, report.OccurredAt, cancellationToken);
                break;
            case DeliveryEventKind.Complained:
                await messages.SetStatusAsync(message.Id, MessageStatus.Complained, report.OccurredAt, null, cancellationToken);
                await senders.RecordAsync(sender, message.Id, SenderOutcome.Complained, report.OccurredAt, cancellationToken);
                await contacts.RecordOptOutAsync(id, new OptOut(report.Channel, report.OccurredAt), [new OptedOut(id.Value, report.OccurredAt, report.Channel, $"{report.Provider}-complaint")], cancellationToken);
                break;
            case DeliveryEventKind.OptedOut:
                await contacts.RecordOptOutAsync(id, new OptOut(report.Channel, report.OccurredAt), [new OptedOut(id.Value, report.OccurredAt, report.Channel, $"{report.Provider}-{Keyword(report)}")], cancellationToken);
                break;
            case DeliveryEventKind.OptedIn:
                await contacts.RecordConsentAsync(
                    new Consent(id, report.Channel, ConsentStatus.Granted, LawfulBasis.Consent, $"{report.Provider}:{report.EventId}", report.OccurredAt), [], cancellationToken);
                break;
            case DeliveryEventKind.Replied:
                events.Add(new MessageReceived(id.Value, report.OccurredAt, report.Channel));
                break;
            case DeliveryEventKind.Clicked:
                events.Add(new LinkClicked(id.Value, report.OccurredAt, message.Id));
                break;
            default:
                break;
        }

        events.Add(new DeliveryReported(id.Value, report.OccurredAt, message.Id, report.Kind.ToString(), $"{report.Provider}:{report.EventId}"));
        await journal.AppendAsync(events, cancellationToken);
        return true;
    }

    private static string Keyword(DeliveryEvent report) => report.Channel == ContactChannel.Sms ? "stop" : "unsubscribe";

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Provider} {Kind} report matched no message")]
    private static partial void LogUnmatched(ILogger logger, string provider, DeliveryEventKind kind);
}

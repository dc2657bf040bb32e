using Microsoft.Extensions.Options;
using MonaSpark.Application.Copywriting;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Outreach.Copy;
using MonaSpark.Domain.Outreach.Policies;

namespace MonaSpark.Application.Outreach;

/// <summary>
/// A journey step drafts one message: copy from <see cref="DraftOutreachCopy"/> (guardrails
/// included) for the contact point the channel would use, stored in the outbox under the step's key.
/// A message already stored under that key is kept as it is: a replayed step drafts nothing twice.
/// </summary>
public sealed class DraftJourneyMessage(
    IArtistStore artists,
    IOutreachMessageStore messages,
    DraftOutreachCopy copy,
    ContactSelection selection,
    IOptions<OutreachOptions> options,
    IOptions<CopywritingOptions> copyOptions,
    TimeProvider time)
{
    public async Task<DraftOutcome> DraftAsync(DraftRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await messages.GetAsync(request.MessageId, cancellationToken) is not null)
        {
            return new DraftOutcome(true, null);
        }

        var artist = ArtistId.TryParse(request.ArtistId, out var id) ? await artists.GetSurvivorAsync(id, cancellationToken) : null;
        if (artist is null)
        {
            return new DraftOutcome(false, SendPathReasons.ArtistErased);
        }

        var settings = options.Value;
        var picked = await selection.PickAsync(artist, request.Channel, new SendPolicy(settings.PolicySettings()), cancellationToken);
        if (picked is not { } chosen)
        {
            return new DraftOutcome(false, SendPathReasons.NoContactPoint);
        }

        var result = await copy.DraftAsync(new DraftCopyCommand(artist.Id, request.Channel, request.LinkToken, request.FirstContact, request.VariantId), cancellationToken);
        if (result is not { Draft: { } draft })
        {
            return new DraftOutcome(false, "no-copy-passed");
        }

        var links = CopyLinks.For(copyOptions.Value.PublicBaseUrl, request.LinkToken);
        var message = new Message(
            request.MessageId,
            request.MessageId,
            artist.Id,
            request.CampaignId,
            result.Brief.Variant.Id,
            request.Channel,
            chosen.Point.Address,
            draft.Subject,
            draft.Body,
            result.Brief.Language,
            MessageStatus.Drafted,
            time.GetUtcNow())
        {
            UnsubscribeUrl = links.Unsubscribe,
            Sender = settings.SenderFor(request.Channel),
        };
        await messages.AddAsync(message, cancellationToken);
        return new DraftOutcome(true, null);
    }
}

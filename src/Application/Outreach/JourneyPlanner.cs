using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach.Policies;

namespace MonaSpark.Application.Outreach;

/// <summary>
/// The first step of a journey: the campaign's offer, the copy variant (the same for an artist every
/// time: a hash of their id over the campaign's variants), the channels that can reach the artist at
/// all, in the configured order, and the link token (minted before any copy, since the copy guard
/// checks the links). Deterministic for its inputs, so a replayed step plans the same journey.
/// </summary>
public sealed class JourneyPlanner(IArtistStore artists, ContactSelection selection, LinkTokens links, IOptions<OutreachOptions> options)
{
    public async Task<JourneyPlan> PlanAsync(JourneyPlanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var campaign = settings.Campaign(request.CampaignId);
        var artist = ArtistId.TryParse(request.ArtistId, out var id) ? await artists.GetSurvivorAsync(id, cancellationToken) : null;
        if (artist is null)
        {
            return new JourneyPlan(JourneyPlanStatus.ArtistUnknown, [], null, null, campaign.OfferId);
        }

        var policy = new SendPolicy(settings.PolicySettings());
        var channels = new List<ContactChannel>();
        foreach (var channel in settings.ChannelOrder.Distinct())
        {
            if (await selection.PickAsync(artist, channel, policy, cancellationToken) is not null)
            {
                channels.Add(channel);
            }
        }

        if (channels.Count == 0)
        {
            return new JourneyPlan(JourneyPlanStatus.NoEligibleChannel, [], null, null, campaign.OfferId);
        }

        var variant = campaign.Variants.Count == 0 ? null : campaign.Variants[Bucket(artist.Id, campaign.Id, campaign.Variants.Count)];
        var token = links.Mint(artist.Id, request.StartedAt + settings.LinkLifetime);
        return new JourneyPlan(JourneyPlanStatus.Ready, channels, token, variant, campaign.OfferId);
    }

    /// <summary>A stable bucket in [0, count) for the artist in the campaign.</summary>
    public static int Bucket(ArtistId artistId, string campaignId, int count)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{campaignId}\n{artistId.Value}"));
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % (uint)count);
    }
}

using MonaSpark.Application.Ports;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Outreach.Policies;

namespace MonaSpark.Application.Outreach;

/// <summary>
/// Which of an artist's contact points a channel would use, and whether the policy would refuse it
/// outright (objection, suppression, lawful basis, eligibility). Timing (cap, quiet hours) is left to
/// the send: a plan only asks whether a channel can reach the person at all. Business contacts first,
/// then in the order they were found, so the planner and the drafter pick the same point.
/// </summary>
public sealed class ContactSelection(IContactRegistry contacts, ConversationWindows conversations, TimeProvider time)
{
    /// <summary>The first contact point on <paramref name="channel"/> the policy does not refuse, with the decision; null when none.</summary>
    public async Task<(ContactPoint Point, SendDecision Decision)?> PickAsync(Artist artist, ContactChannel channel, SendPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(artist);
        ArgumentNullException.ThrowIfNull(policy);
        var now = time.GetUtcNow();
        foreach (var point in artist.ContactPoints.Where(c => c.Channel == channel).OrderByDescending(c => c.IsBusinessContact))
        {
            var decision = await EvaluateAsync(artist, point, policy, now, cancellationToken);
            if (decision.Verdict != SendVerdict.Refused)
            {
                return (point, decision);
            }
        }

        return null;
    }

    /// <summary>The policy's decision for a send to <paramref name="point"/> now, from the person's current standing.</summary>
    public async Task<SendDecision> EvaluateAsync(Artist artist, ContactPoint point, SendPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(artist);
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(policy);
        var standing = await contacts.GetStandingAsync(artist.Id, point.Address, now - policy.Settings.FrequencyCap.Window, cancellationToken);
        var eligible = point.Channel switch
        {
            ContactChannel.DirectMessage => await conversations.IsOpenAsync(artist.Id, point.Channel, now, cancellationToken),
            ContactChannel.WebPush => point.Address.Contains("\"endpoint\"", StringComparison.Ordinal),
            _ => true,
        };
        return policy.Evaluate(new SendRequest(point, standing.Consents, standing.OptOuts, standing.Suppressed, eligible, standing.SentSince, Markets.ZoneOf(artist.Country?.Value), now));
    }
}

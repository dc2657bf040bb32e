using MonaSpark.Domain.Artists;

namespace MonaSpark.Domain.Outreach.Policies;

/// <summary>
/// The checks the core makes before every send, in order: the person has not objected (on this
/// channel or all), the address is not suppressed (bounce, complaint), there is a lawful basis
/// (legitimate interest for a published business contact; otherwise an opt-in that still stands),
/// the channel is eligible (a DM needs a conversation the artist started, a push a subscription),
/// then the shared frequency cap and the channel's window in the recipient's time zone. A refusal
/// is final for this message; a deferral says when to try again, so nothing allowed is ever dropped.
/// </summary>
public sealed class SendPolicy(SendPolicySettings settings)
{
    public SendPolicySettings Settings => settings;

    public SendDecision Evaluate(SendRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reasons = new List<string>();
        var channel = request.ContactPoint.Channel;
        if (request.OptOuts.Any(o => o.Channel is null || o.Channel == channel))
        {
            reasons.Add(SendRefusals.OptedOut);
        }

        if (request.Suppressed)
        {
            reasons.Add(SendRefusals.Suppressed);
        }

        if (!HasLawfulBasis(request))
        {
            reasons.Add(SendRefusals.NoLawfulBasis);
        }

        if (!request.ChannelEligible)
        {
            reasons.Add(SendRefusals.ChannelNotEligible);
        }

        if (reasons.Count > 0)
        {
            return SendDecision.Refuse(reasons);
        }

        var window = settings.WindowFor(channel);
        var zone = request.RecipientZone ?? settings.DefaultZone;
        var at = request.Now.ToUniversalTime();

        // The cap and the window can push each other: a slot after the cap may fall at night, the next
        // morning may still be capped. Both only move forward, so this settles within a few rounds.
        for (var round = 0; round < 16; round++)
        {
            var afterCap = settings.FrequencyCap.NextAllowed(request.SentToPerson, at);
            var open = window.NextOpen(afterCap, zone);
            if (open == at)
            {
                return at == request.Now.ToUniversalTime() ? SendDecision.Allow() : SendDecision.Defer(at, DeferralReason(request, at));
            }

            at = open;
        }

        return SendDecision.Defer(at, SendRefusals.QuietHours);
    }

    private string DeferralReason(SendRequest request, DateTimeOffset at) =>
        settings.FrequencyCap.NextAllowed(request.SentToPerson, request.Now.ToUniversalTime()) > request.Now.ToUniversalTime() ? SendRefusals.FrequencyCap : SendRefusals.QuietHours;

    private static bool HasLawfulBasis(SendRequest request)
    {
        var point = request.ContactPoint;
        var consent = request.Consents.Where(c => c.Channel == point.Channel).MaxBy(c => c.DecidedAt);
        if (consent is { Status: ConsentStatus.Withdrawn })
        {
            return false;
        }

        return point.LawfulBasis switch
        {
            // Art. 6(1)(f): only a contact the artist published for professional enquiries.
            LawfulBasis.LegitimateInterest => point.IsBusinessContact,
            // Art. 6(1)(a): an opt-in that still stands.
            LawfulBasis.Consent => consent is { Status: ConsentStatus.Granted },
            // Art. 6(1)(b): a customer, about the service they pay for (unless they objected, above).
            LawfulBasis.Contract => true,
            _ => false,
        };
    }
}

/// <summary>Everything a send decision needs, gathered by the caller.</summary>
/// <param name="ContactPoint">Where the message would go.</param>
/// <param name="Consents">The person's consent decisions (any channel; the latest for this channel counts).</param>
/// <param name="OptOuts">The person's objections (a null channel is every channel).</param>
/// <param name="Suppressed">The address is on the suppression list (hard bounce, complaint).</param>
/// <param name="ChannelEligible">The channel can be used at all (a DM inside a conversation the artist started and its window; a push subscription).</param>
/// <param name="SentToPerson">When this person was last sent anything, on any channel (the shared frequency cap).</param>
/// <param name="RecipientZone">The recipient's time zone; null uses the configured default.</param>
/// <param name="Now">The decision time.</param>
public sealed record SendRequest(
    ContactPoint ContactPoint,
    IReadOnlyList<Consent> Consents,
    IReadOnlyList<OptOut> OptOuts,
    bool Suppressed,
    bool ChannelEligible,
    IReadOnlyList<DateTimeOffset> SentToPerson,
    TimeZoneInfo? RecipientZone,
    DateTimeOffset Now);

/// <summary>An objection: on one channel, or every channel when <see cref="Channel"/> is null.</summary>
public sealed record OptOut(ContactChannel? Channel, DateTimeOffset At);

/// <summary>Stable codes of refusals and deferrals.</summary>
public static class SendRefusals
{
    public const string OptedOut = "opted-out";
    public const string Suppressed = "suppressed";
    public const string NoLawfulBasis = "no-lawful-basis";
    public const string ChannelNotEligible = "channel-not-eligible";
    public const string QuietHours = "quiet-hours";
    public const string FrequencyCap = "frequency-cap";
}

/// <summary>Send now, later (and when), or not at all (and why).</summary>
public sealed record SendDecision(SendVerdict Verdict, DateTimeOffset? NotBefore, IReadOnlyList<string> Reasons)
{
    public static SendDecision Allow() => new(SendVerdict.Allowed, null, []);

    public static SendDecision Defer(DateTimeOffset notBefore, string reason) => new(SendVerdict.Deferred, notBefore, [reason]);

    public static SendDecision Refuse(IReadOnlyList<string> reasons) => new(SendVerdict.Refused, null, reasons);
}

public enum SendVerdict
{
    Allowed = 0,
    Deferred = 1,
    Refused = 2,
}

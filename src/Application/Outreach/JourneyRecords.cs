using MonaSpark.Application.Ports;
using MonaSpark.Application.Telemetry;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Leads;

namespace MonaSpark.Application.Outreach;

/// <summary>How a journey ended.</summary>
public static class JourneyOutcomes
{
    public const string Paid = "paid";
    public const string OptedOut = "opted-out";
    public const string Erased = "erased";
    public const string Replied = "replied";
    public const string NoResponse = "no-response";
    public const string Unreachable = "unreachable";
    public const string ArtistUnknown = "artist-unknown";
    public const string OnboardingAbandoned = "onboarding-abandoned";
    public const string CheckoutAbandoned = "checkout-abandoned";
    public const string Failed = "failed";
}

/// <summary>
/// Journals a journey's start and end (the read models and the recovery follow them). The end also
/// moves the lead, in the same unit of work: paid → customer, opted out → opted out, and a lead no
/// channel could reach → disqualified (so it is not started again).
/// </summary>
public sealed class JourneyRecords(IJournal journal, ILeadStore leads, MonaSparkTelemetry telemetry, TimeProvider time)
{
    public async Task StartedAsync(string artistId, string journeyId, string campaignId, string offerId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await journal.AppendAsync([new JourneyStarted(artistId, at, journeyId, campaignId, offerId)], cancellationToken);
        telemetry.JourneysStarted.Add(1);
    }

    public async Task EndedAsync(string artistId, string journeyId, string outcome, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        DomainEvent ended = new JourneyEnded(artistId, now, journeyId, outcome);
        var lead = ArtistId.TryParse(artistId, out var id) ? await leads.GetAsync(id, cancellationToken) : null;
        var stage = lead is null ? null : StageAfter(lead.Stage, outcome);
        if (lead is not null && stage is { } next && next != lead.Stage)
        {
            await leads.SaveAsync(lead with { Stage = next, UpdatedAt = now }, [ended], cancellationToken);
        }
        else
        {
            await journal.AppendAsync([ended], cancellationToken);
        }

        telemetry.JourneysEnded.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
    }

    private static FunnelStage? StageAfter(FunnelStage stage, string outcome) => outcome switch
    {
        JourneyOutcomes.Paid => FunnelStage.Customer,
        JourneyOutcomes.OptedOut => FunnelStage.OptedOut,
        JourneyOutcomes.Unreachable or JourneyOutcomes.ArtistUnknown when stage < FunnelStage.Contacted => FunnelStage.Disqualified,
        _ => null,
    };
}

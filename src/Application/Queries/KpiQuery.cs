using System.Text.Json;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Projections;
using MonaSpark.Domain.Leads;
using MonaSpark.Domain.Sources;

namespace MonaSpark.Application.Queries;

/// <summary>Pipeline figures: what came in from where, what was refused and why, what was scored.</summary>
public sealed class KpiQuery(ISourceRecordStore records, IQuarantineStore quarantine, IArtistStore artists, ILeadStore leads, IWorkQueue queue, IReadModelStore readModels)
{
    public async Task<Kpis> GetAsync(CancellationToken cancellationToken = default)
    {
        var bySourceAndStatus = await records.CountBySourceAndStatusAsync(cancellationToken);
        var byReason = await quarantine.CountByReasonAsync(cancellationToken);
        var byStage = await leads.CountByStageAsync(cancellationToken);
        var deadLetters = await queue.ListDeadLettersAsync(1000, cancellationToken);
        long Status(SourceRecordStatus s) => bySourceAndStatus.Where(c => c.Status == s).Sum(c => c.Count);
        var bySource = bySourceAndStatus
            .GroupBy(c => c.Source)
            .OrderBy(g => g.Key)
            .Select(g => new SourceKpis(
                g.Key.ToString(),
                g.Sum(c => c.Count),
                g.Where(c => c.Status == SourceRecordStatus.Accepted).Sum(c => c.Count),
                g.Where(c => c.Status == SourceRecordStatus.Quarantined).Sum(c => c.Count)))
            .ToList();
        var funnel = await readModels.GetAsync(FunnelProjection.ProjectionName, FunnelProjection.Real, cancellationToken);
        var onboarding = funnel is null ? null : JsonSerializer.Deserialize<FunnelCounts>(funnel.Json, Json)?.Onboarding;
        return new Kpis(
            RecordsIngested: bySourceAndStatus.Sum(c => c.Count),
            RecordsAccepted: Status(SourceRecordStatus.Accepted),
            RecordsPending: Status(SourceRecordStatus.Pending),
            RecordsQuarantined: await quarantine.CountAsync(cancellationToken),
            Sources: bySource,
            QuarantineByReason: byReason.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(),
            Artists: await artists.CountAsync(cancellationToken),
            LeadsScored: byStage.Where(kv => kv.Key is not (FunnelStage.Discovered or FunnelStage.Disqualified)).Sum(kv => kv.Value),
            LeadsByStage: byStage.OrderBy(kv => kv.Key).ToDictionary(kv => kv.Key.ToString(), kv => kv.Value),
            QueueDepth: await queue.GetDepthAsync(cancellationToken),
            DeadLetters: deadLetters.Count)
        {
            Onboarding = onboarding,
        };
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

/// <summary>The pipeline's figures at one moment.</summary>
public sealed record Kpis(
    long RecordsIngested,
    long RecordsAccepted,
    long RecordsPending,
    long RecordsQuarantined,
    IReadOnlyList<SourceKpis> Sources,
    IReadOnlyDictionary<string, long> QuarantineByReason,
    long Artists,
    long LeadsScored,
    IReadOnlyDictionary<string, long> LeadsByStage,
    long QueueDepth,
    long DeadLetters)
{
    /// <summary>How long completed onboardings took (from the funnel projection; null before the first).</summary>
    public OnboardingTimes? Onboarding { get; init; }
}

/// <summary>Records of one source: landed, accepted, quarantined.</summary>
public sealed record SourceKpis(string Source, long Ingested, long Accepted, long Quarantined);

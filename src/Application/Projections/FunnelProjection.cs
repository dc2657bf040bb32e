using System.Text.Json;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;

namespace MonaSpark.Application.Projections;

/// <summary>
/// Funnel counts over the whole journal (one row, key <c>all</c>): leads scored and qualified,
/// contacts sent, clicks, landing views, signups, payments and their total, objections. Simulated
/// artists (demo outcomes) are counted apart, never mixed with real figures.
/// </summary>
public sealed class FunnelProjection : IProjection
{
    public const string ProjectionName = "funnel";
    public const string Real = "all";
    public const string Simulated = "simulated";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => ProjectionName;

    public IEnumerable<string> KeysOf(DomainEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e is LeadScored or LeadQualified or OutreachSent or LinkClicked or LandingViewed or SignupCompleted or PaymentSucceeded or OptedOut or DataErased)
        {
            yield return e.StreamId.StartsWith(Domain.Artists.ArtistId.SimulatedPrefix, StringComparison.Ordinal) ? Simulated : Real;
        }
    }

    public string Apply(string key, string? json, JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var counts = json is null ? new FunnelCounts() : JsonSerializer.Deserialize<FunnelCounts>(json, Json)!;
        counts = entry.Event switch
        {
            LeadScored => counts with { Scored = counts.Scored + 1 },
            LeadQualified => counts with { Qualified = counts.Qualified + 1 },
            OutreachSent => counts with { Contacted = counts.Contacted + 1 },
            LinkClicked => counts with { Clicked = counts.Clicked + 1 },
            LandingViewed => counts with { LandingViews = counts.LandingViews + 1 },
            SignupCompleted => counts with { Signups = counts.Signups + 1 },
            PaymentSucceeded p => counts with { Payments = counts.Payments + 1, PaidMinor = counts.PaidMinor + p.AmountMinor },
            OptedOut => counts with { OptedOut = counts.OptedOut + 1 },
            DataErased => counts with { Erased = counts.Erased + 1 },
            _ => counts,
        };
        return JsonSerializer.Serialize(counts, Json);
    }
}

/// <summary>The funnel's counts (events, not distinct artists: a rescoring counts again).</summary>
public sealed record FunnelCounts(
    long Scored = 0,
    long Qualified = 0,
    long Contacted = 0,
    long Clicked = 0,
    long LandingViews = 0,
    long Signups = 0,
    long Payments = 0,
    long PaidMinor = 0,
    long OptedOut = 0,
    long Erased = 0);

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
            SignupCompleted c => counts with { Signups = counts.Signups + 1, Onboarding = (counts.Onboarding ?? OnboardingTimes.Empty).Add(c.Duration) },
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
    long Erased = 0,
    OnboardingTimes? Onboarding = null);

/// <summary>
/// How long completed onboardings took (the KPI: a typical artist finishes in under 2m30s), as counts
/// per bucket of <see cref="BucketSeconds"/> (the last open-ended), so a median and the share within
/// the target are read without keeping every duration.
/// </summary>
public sealed record OnboardingTimes(long[] Counts, double TotalSeconds)
{
    /// <summary>Upper bounds of the buckets, in seconds; a last bucket holds the rest.</summary>
    public static readonly int[] BucketSeconds = [30, 60, 90, 120, 150, 180, 240, 300, 600];

    /// <summary>The target: 2 minutes 30.</summary>
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(150);

    public static OnboardingTimes Empty => new(new long[BucketSeconds.Length + 1], 0);

    public long Completed => Counts.Sum();

    /// <summary>By value: the same counts and total are the same times (a record compares arrays by reference).</summary>
    public bool Equals(OnboardingTimes? other) =>
        other is not null && Counts.AsSpan().SequenceEqual(other.Counts) && TotalSeconds.Equals(other.TotalSeconds);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var count in Counts)
        {
            hash.Add(count);
        }

        hash.Add(TotalSeconds);
        return hash.ToHashCode();
    }

    public OnboardingTimes Add(TimeSpan duration)
    {
        var seconds = Math.Max(0, duration.TotalSeconds);
        var bucket = Array.FindIndex(BucketSeconds, b => seconds <= b);
        var counts = (long[])Counts.Clone();
        counts[bucket < 0 ? BucketSeconds.Length : bucket]++;
        return new OnboardingTimes(counts, TotalSeconds + seconds);
    }

    /// <summary>The share of onboardings completed within <see cref="Target"/> (null when none).</summary>
    public double? WithinTarget => Completed == 0 ? null : (double)Counts.Take(Array.IndexOf(BucketSeconds, (int)Target.TotalSeconds) + 1).Sum() / Completed;

    /// <summary>The upper bound of the bucket holding the median, in seconds (null when none; <see cref="int.MaxValue"/> past the last bound).</summary>
    public int? MedianAtMost
    {
        get
        {
            if (Completed == 0)
            {
                return null;
            }

            long seen = 0;
            for (var i = 0; i < Counts.Length; i++)
            {
                seen += Counts[i];
                if (seen * 2 >= Completed)
                {
                    return i < BucketSeconds.Length ? BucketSeconds[i] : int.MaxValue;
                }
            }

            return int.MaxValue;
        }
    }
}

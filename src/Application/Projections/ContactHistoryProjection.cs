using System.Text.Json;
using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;

namespace MonaSpark.Application.Projections;

/// <summary>
/// Contact history per artist (key: artist id): every outreach event in order — sent (campaign,
/// variant, channel), received, cancelled, journey ended, clicked, landing viewed, signed up, paid, objected — the last
/// <see cref="MaxEntries"/> kept. What the team sees before any further contact.
/// </summary>
public sealed class ContactHistoryProjection : IProjection
{
    public const string ProjectionName = "contact-history";
    public const int MaxEntries = 200;

    public string Name => ProjectionName;

    public IEnumerable<string> KeysOf(DomainEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e is OutreachSent or MessageReceived or OutreachCancelled or JourneyEnded or LinkClicked or LandingViewed or SignupCompleted or PaymentSucceeded or OptedOut or DataErased)
        {
            yield return e.StreamId;
        }
    }

    public string Apply(string key, string? json, JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Event is DataErased)
        {
            // An erasure leaves the fact that it happened, nothing of what came before.
            return JsonSerializer.Serialize(new[] { new ContactHistoryEntry("erased", entry.Event.OccurredAt, null, null) }, ContactHistoryEntry.Json);
        }

        var history = json is null ? [] : JsonSerializer.Deserialize<List<ContactHistoryEntry>>(json, ContactHistoryEntry.Json)!;
        history.Add(entry.Event switch
        {
            OutreachSent s => new ContactHistoryEntry("sent", s.OccurredAt, s.Channel.ToString(), $"{s.CampaignId}/{s.VariantId}"),
            MessageReceived r => new ContactHistoryEntry(ContactHistoryEntry.Received, r.OccurredAt, r.Channel.ToString(), null),
            OutreachCancelled c => new ContactHistoryEntry("cancelled", c.OccurredAt, null, c.Reason),
            JourneyEnded j => new ContactHistoryEntry("journey-ended", j.OccurredAt, null, j.Outcome),
            LinkClicked c => new ContactHistoryEntry("clicked", c.OccurredAt, null, null),
            LandingViewed v => new ContactHistoryEntry("landing-viewed", v.OccurredAt, null, v.VariantId),
            SignupCompleted s => new ContactHistoryEntry("signed-up", s.OccurredAt, null, s.OfferId),
            PaymentSucceeded p => new ContactHistoryEntry("paid", p.OccurredAt, null, $"{p.AmountMinor} {p.Currency}"),
            OptedOut o => new ContactHistoryEntry("opted-out", o.OccurredAt, o.Channel?.ToString(), o.Via),
            _ => throw new InvalidOperationException($"{entry.Event.EventType} is not a contact event."),
        });
        return JsonSerializer.Serialize(history.TakeLast(MaxEntries), ContactHistoryEntry.Json);
    }
}

/// <summary>One event of a contact history.</summary>
public sealed record ContactHistoryEntry(string What, DateTimeOffset At, string? Channel, string? Detail)
{
    /// <summary>The person wrote to us on <see cref="Channel"/>.</summary>
    public const string Received = "received";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

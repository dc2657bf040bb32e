using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach;
using MonaSpark.Domain.Outreach.Policies;

namespace MonaSpark.Application.Ports;

/// <summary>
/// What the send policy needs to know about a person before every send: their consent decisions,
/// their objections, whether the address is suppressed, and when they were last sent anything.
/// Consents and objections are recorded with the events that explain them (atomically where the
/// store can); a send is recorded once per message id.
/// </summary>
public interface IContactRegistry
{
    /// <summary>The person's standing for a send to <paramref name="address"/>; sends are those at or after <paramref name="sentSince"/>.</summary>
    Task<ContactStanding> GetStandingAsync(ArtistId artistId, string address, DateTimeOffset sentSince, CancellationToken cancellationToken = default);

    Task RecordConsentAsync(Consent consent, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default);

    Task RecordOptOutAsync(ArtistId artistId, OptOut optOut, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Suppresses an address (hard bounce, complaint) for every person who uses it; suppressing again changes nothing.</summary>
    Task SuppressAsync(string address, string reason, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Records that a message went to the person; the same message id twice is recorded once.</summary>
    Task RecordSendAsync(ArtistId artistId, string messageId, ContactChannel channel, DateTimeOffset at, CancellationToken cancellationToken = default);
}

/// <summary>A person's standing: consents, objections, whether the address is suppressed, and recent sends (any channel).</summary>
public sealed record ContactStanding(IReadOnlyList<Consent> Consents, IReadOnlyList<OptOut> OptOuts, bool Suppressed, IReadOnlyList<DateTimeOffset> SentSince)
{
    /// <summary>How addresses are compared: trimmed, and e-mail addresses in lower case (phone numbers are E.164 already).</summary>
    public static string NormaliseAddress(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var trimmed = address.Trim();
        return trimmed.Contains('@', StringComparison.Ordinal) ? trimmed.ToLowerInvariant() : trimmed;
    }
}

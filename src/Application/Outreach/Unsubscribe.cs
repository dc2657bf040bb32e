using MonaSpark.Application.Ports;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach.Links;
using MonaSpark.Domain.Outreach.Policies;

namespace MonaSpark.Application.Outreach;

/// <summary>
/// Use case behind <c>/u/{token}</c>: whose link it is (any authentic token, expired or not: an
/// unsubscribe link keeps working long after the landing page has expired), and the objection itself,
/// on every channel, recorded with its <see cref="OptedOut"/> event; the journey ends when the relay
/// raises it. Unsubscribing twice records one objection.
/// </summary>
public sealed class Unsubscribe(LinkTokens links, IContactRegistry contacts, TimeProvider time)
{
    /// <summary>Where the request came from, for the record (<c>unsubscribe-page</c>, <c>one-click</c>).</summary>
    public const string ViaPage = "unsubscribe-page";

    public const string ViaOneClick = "list-unsubscribe-one-click";

    /// <summary>A syntactically valid address that is never anyone's (RFC 2606 reserves <c>.invalid</c>).</summary>
    private const string NoAddress = "nobody@unsubscribe.invalid";

    /// <summary>What the token says, for the page (no state changes).</summary>
    public LinkTokenReading Read(string? token) => links.Read(token);

    /// <returns>The reading; when authentic, the objection is recorded (once).</returns>
    public async Task<LinkTokenReading> UnsubscribeAsync(string? token, string via, CancellationToken cancellationToken = default)
    {
        var reading = links.Read(token);
        if (!reading.Authentic)
        {
            return reading;
        }

        var now = time.GetUtcNow();

        // Only the objections are read here: the address of a standing decides suppression alone, and a link names no address.
        var standing = await contacts.GetStandingAsync(reading.ArtistId, NoAddress, now, cancellationToken);
        if (!standing.OptOuts.Any(o => o.Channel is null))
        {
            await contacts.RecordOptOutAsync(reading.ArtistId, new OptOut(null, now), [new OptedOut(reading.ArtistId.Value, now, null, via)], cancellationToken);
        }

        return reading;
    }
}

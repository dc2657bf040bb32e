using Microsoft.Extensions.Options;
using MonaSpark.Application.Options;
using MonaSpark.Application.Ports;
using MonaSpark.Application.Resolution;
using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Events;
using MonaSpark.Domain.Outreach.Copy;

namespace MonaSpark.Application.Outreach;

/// <summary>Open a checkout for the artist: the offer, priced in their currency, under the step's key.</summary>
public sealed record CheckoutOpenRequest(string ArtistId, string OfferId, string LinkToken, string IdempotencyKey);

/// <summary>The opened session (null id when the artist is gone or the offer is not sold in their currency, with the reason).</summary>
public sealed record CheckoutOpenOutcome(string? CheckoutId, DateTimeOffset? ExpiresAt, string? Reason);

/// <summary>Void a session (a compensation): under its own key.</summary>
public sealed record CheckoutVoidRequest(string ArtistId, string CheckoutId, string IdempotencyKey, string Reason);

/// <summary>
/// The checkout steps of a journey, against <see cref="IPaymentGateway"/>: open a session priced in
/// the artist's currency (their market's, else the default), and void it when the journey stops.
/// Every call carries the step's key, so the provider answers a replay with the same session.
/// </summary>
public sealed class Checkouts(IPaymentGateway gateway, IArtistStore artists, IJournal journal, IOptions<OutreachOptions> options, IOptions<CopywritingOptions> copyOptions, TimeProvider time)
{
    public async Task<CheckoutOpenOutcome> OpenAsync(CheckoutOpenRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var artist = ArtistId.TryParse(request.ArtistId, out var id) ? await artists.GetSurvivorAsync(id, cancellationToken) : null;
        if (artist is null)
        {
            return new CheckoutOpenOutcome(null, null, SendPathReasons.ArtistErased);
        }

        var settings = options.Value;
        var offer = settings.Offer(request.OfferId);
        var price = settings.PriceFor(offer, artist.Country?.Value);
        if (price is null)
        {
            return new CheckoutOpenOutcome(null, null, "offer-not-priced");
        }

        var links = CopyLinks.For(copyOptions.Value.PublicBaseUrl, request.LinkToken);
        var session = await gateway.CreateCheckoutAsync(
            new CheckoutRequest(artist.Id, offer, price, request.IdempotencyKey, new Uri(links.Landing.AbsoluteUri + "/paid"), links.Landing),
            cancellationToken);
        await journal.AppendAsync([new CheckoutOpened(artist.Id.Value, time.GetUtcNow(), session.Id, offer.Id, price.MinorUnits, price.Currency.Value)], cancellationToken);
        return new CheckoutOpenOutcome(session.Id, session.ExpiresAt, null);
    }

    public async Task VoidAsync(CheckoutVoidRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await gateway.VoidCheckoutAsync(request.CheckoutId, request.IdempotencyKey, cancellationToken);
        await journal.AppendAsync([new CheckoutVoided(request.ArtistId, time.GetUtcNow(), request.CheckoutId, request.Reason)], cancellationToken);
    }

    /// <summary>A new customer's upsell evaluation is scheduled <paramref name="delay"/> after payment.</summary>
    public Task ScheduleUpsellAsync(string artistId, string offerId, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return journal.AppendAsync([new UpsellEvaluationScheduled(artistId, now, offerId, now + delay)], cancellationToken);
    }
}

using MonaSpark.Application.Ports;
using MonaSpark.Domain.Commerce;
using Stripe.Checkout;

namespace MonaSpark.Adapters.Payments;

/// <summary>
/// The Create Checkout Session form (<c>POST /v1/checkout/sessions</c>) for a <see cref="CheckoutRequest"/>:
/// one line item priced inline (<c>price_data</c>, so no Price object has to exist in the account),
/// <c>mode=subscription</c> with a monthly or yearly <c>recurring</c> interval for plans, <c>mode=payment</c>
/// for one-off offers, and the artist id as <c>client_reference_id</c> and in <c>metadata</c>, which the
/// webhook reads back. Only opaque ids leave: no name, e-mail or other personal data.
/// </summary>
internal static class StripeCheckoutForm
{
    /// <summary>Expiries are counted from the start of the hour (see <see cref="ExpiryFor"/>).</summary>
    public static readonly TimeSpan ExpiryGranularity = TimeSpan.FromHours(1);

    public static SessionCreateOptions For(CheckoutRequest request, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        var interval = request.Offer.Period switch
        {
            BillingPeriod.OneOff => null,
            BillingPeriod.Monthly => "month",
            BillingPeriod.Yearly => "year",
            _ => throw new NotSupportedException($"Billing period {request.Offer.Period} has no Stripe interval."),
        };
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["artist_id"] = request.ArtistId.Value,
            ["offer_id"] = request.Offer.Id,
        };
        return new SessionCreateOptions
        {
            Mode = interval is null ? "payment" : "subscription",
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = StripeAmounts.Currency(request.Price.Currency),
                        UnitAmount = StripeAmounts.UnitAmount(request.Price),
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = request.Offer.Name },
                        Recurring = interval is null ? null : new SessionLineItemPriceDataRecurringOptions { Interval = interval },
                    },
                },
            ],
            SuccessUrl = request.SuccessUrl.AbsoluteUri,
            CancelUrl = request.CancelUrl.AbsoluteUri,
            ClientReferenceId = request.ArtistId.Value,
            Metadata = metadata,
            // The session's metadata is not copied to the subscription it creates; renewals and failed
            // payments arrive as subscription and invoice events, which must name the artist too.
            SubscriptionData = interval is null ? null : new SessionSubscriptionDataOptions { Metadata = new(metadata, StringComparer.Ordinal) },
            ExpiresAt = expiresAt.UtcDateTime,
        };
    }

    /// <summary>
    /// <c>expires_at</c>: <paramref name="lifetime"/> after the start of the current hour, not after now.
    /// Stripe answers a request that reuses an idempotency key with other parameters by refusing it
    /// (400 <c>idempotency_error</c>), so an expiry read from the clock to the second would turn every
    /// retry of a step into that error instead of the session the first attempt opened. Rounded to the
    /// hour, a retry sends the same form; one that crosses the hour is resent with the previous hour's
    /// (<see cref="StripePaymentGateway"/>). The session lives between <paramref name="lifetime"/> minus
    /// an hour and <paramref name="lifetime"/>.
    /// </summary>
    public static DateTimeOffset ExpiryFor(DateTimeOffset now, TimeSpan lifetime)
    {
        var ticks = now.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % ExpiryGranularity.Ticks), TimeSpan.Zero) + lifetime;
    }
}

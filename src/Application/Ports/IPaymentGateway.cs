using MonaSpark.Domain.Artists;
using MonaSpark.Domain.Commerce;

namespace MonaSpark.Application.Ports;

/// <summary>Takes payment in the artist's currency. Every call carries an idempotency key.</summary>
public interface IPaymentGateway
{
    Task<CheckoutSession> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken = default);

    Task VoidCheckoutAsync(string checkoutId, string idempotencyKey, CancellationToken cancellationToken = default);
}

public sealed record CheckoutRequest(ArtistId ArtistId, Offer Offer, Money Price, string IdempotencyKey, Uri SuccessUrl, Uri CancelUrl);

public sealed record CheckoutSession(string Id, Uri Url, DateTimeOffset ExpiresAt);

using MonaSpark.Application.Ports;
using MonaSpark.Application.Work;

namespace MonaSpark.Adapters.Payments;

/// <summary>
/// The gateway of a host with no payment provider configured (Azure without <c>MonaSpark:Stripe:SecretKey</c>):
/// every checkout fails at once as a permanent failure naming the missing setting, so a journey that
/// reaches checkout ends "failed" with its compensations instead of the host failing to start.
/// </summary>
public sealed class PaymentsNotConfigured : IPaymentGateway
{
    private const string Reason = "No payment provider is configured: set MonaSpark:Stripe:SecretKey.";

    public Task<CheckoutSession> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken = default) =>
        throw new PermanentWorkException(Reason);

    public Task VoidCheckoutAsync(string checkoutId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        throw new PermanentWorkException(Reason);
}

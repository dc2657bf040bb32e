using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonaSpark.Application.Ports;
using Stripe;
using Stripe.Checkout;

namespace MonaSpark.Adapters.Payments;

/// <summary>
/// Checkout through Stripe Checkout Sessions (Stripe.net 53, which pins API version <c>2026-10-28.endive</c>)
/// over the named <see cref="HttpClient"/>. Every POST carries the step's idempotency key, so a retried
/// step gets the session the first attempt opened (Stripe keeps keys for at least 24 h). The SDK's own
/// retries are off: a retryable failure (see <see cref="StripeFailures"/>) reaches the caller, whose
/// retry policy owns the backoff, instead of being retried twice over.
/// </summary>
public sealed partial class StripePaymentGateway(
    IHttpClientFactory httpClients,
    IOptions<StripeOptions> options,
    TimeProvider time,
    ILogger<StripePaymentGateway> logger) : IPaymentGateway
{
    /// <summary>The named <see cref="HttpClient"/> the gateway calls Stripe with.</summary>
    public const string HttpClientName = "MonaSpark.Stripe";

    public async Task<CheckoutSession> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.IdempotencyKey);
        var sessions = Sessions();
        var keyed = new RequestOptions { IdempotencyKey = request.IdempotencyKey };
        var expiresAt = StripeCheckoutForm.ExpiryFor(time.GetUtcNow(), options.Value.SessionLifetime);
        Session session;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                session = await sessions.CreateAsync(StripeCheckoutForm.For(request, expiresAt), keyed, cancellationToken);
                break;
            }
            catch (StripeException ex) when (attempt == 1 && ex.HttpStatusCode == HttpStatusCode.BadRequest && ex.StripeError?.Type == "idempotency_error")
            {
                // The key was first used with another form: a retry from the previous hour, whose expiry
                // was counted from that hour (StripeCheckoutForm.ExpiryFor); Stripe replays that session.
                // (A 409 idempotency_error is another thing: the first request is still in flight; retryable.)
                expiresAt -= StripeCheckoutForm.ExpiryGranularity;
            }
            catch (StripeException ex)
            {
                throw StripeFailures.Translate(ex, "open a checkout session");
            }
        }

        if (session.Url is not { Length: > 0 } url)
        {
            throw new InvalidOperationException($"Stripe opened checkout session {session.Id} without a hosted page URL.");
        }

        var result = new CheckoutSession(session.Id, new Uri(url), new DateTimeOffset(DateTime.SpecifyKind(session.ExpiresAt, DateTimeKind.Utc)));
        LogOpened(logger, result.Id, request.Offer.Id, session.Mode, result.ExpiresAt);
        return result;
    }

    public async Task VoidCheckoutAsync(string checkoutId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(checkoutId);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var sessions = Sessions();
        try
        {
            await sessions.ExpireAsync(checkoutId, null, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);
            LogVoided(logger, checkoutId);
        }
        catch (StripeException ex) when (ex.HttpStatusCode == HttpStatusCode.BadRequest && ex.StripeError?.Type == "invalid_request_error")
        {
            // Stripe documents only that expiring "returns an error if the Checkout Session has already
            // expired or isn't in an expireable state" (only status open is): a 400 invalid_request_error
            // with no error code, whose message reads 'Only Checkout Sessions with a status in ["open"]
            // can be expired. This Checkout Session has a status of `expired`.' (or `complete`). Rather
            // than parse that prose, read the session's status: not open any more is what a void wants.
            await ConfirmClosedAsync(sessions, checkoutId, ex, cancellationToken);
        }
        catch (StripeException ex)
        {
            throw StripeFailures.Translate(ex, "expire a checkout session");
        }
    }

    private async Task ConfirmClosedAsync(SessionService sessions, string checkoutId, StripeException refusal, CancellationToken cancellationToken)
    {
        Session current;
        try
        {
            current = await sessions.GetAsync(checkoutId, null, null, cancellationToken);
        }
        catch (StripeException ex)
        {
            throw StripeFailures.Translate(ex, "read a checkout session");
        }

        switch (current.Status)
        {
            case "expired":
                LogAlreadyClosed(logger, checkoutId, current.Status);
                return;
            case "complete":
                // Paid before the void: the payment stands and its webhook event reports it.
                LogCompletedBeforeVoid(logger, checkoutId);
                return;
            default:
                throw StripeFailures.Translate(refusal, "expire a checkout session");
        }
    }

    private SessionService Sessions()
    {
        var settings = options.Value;
        var apiKey = settings.SecretKey is { Length: > 0 } key ? key : throw new InvalidOperationException($"{StripeOptions.SectionName}:SecretKey is not set.");
        var transport = new SystemNetHttpClient(httpClients.CreateClient(HttpClientName), maxNetworkRetries: 0);
        var client = new StripeClient(apiKey, httpClient: transport, apiBase: settings.ApiBase?.AbsoluteUri.TrimEnd('/'));
        return client.V1.Checkout.Sessions;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe opened checkout session {CheckoutId} for offer {OfferId} (mode {Mode}), open until {ExpiresAt}")]
    private static partial void LogOpened(ILogger logger, string checkoutId, string offerId, string mode, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe expired checkout session {CheckoutId}")]
    private static partial void LogVoided(ILogger logger, string checkoutId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkout session {CheckoutId} was already {Status}: nothing to void")]
    private static partial void LogAlreadyClosed(ILogger logger, string checkoutId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkout session {CheckoutId} was already complete when voided: the payment stands")]
    private static partial void LogCompletedBeforeVoid(ILogger logger, string checkoutId);
}

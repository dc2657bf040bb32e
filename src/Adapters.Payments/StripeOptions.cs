using System.ComponentModel.DataAnnotations;
using MonaSpark.Domain.Validation;

namespace MonaSpark.Adapters.Payments;

/// <summary>
/// The Stripe account the checkout sessions are opened in. Section <c>MonaSpark:Stripe</c>. Without a
/// <see cref="SecretKey"/> the Stripe adapter is not registered and the local gateway stays in place.
/// </summary>
public sealed class StripeOptions : IValidatableObject
{
    public const string SectionName = "MonaSpark:Stripe";

    /// <summary>
    /// Longest session lifetime Stripe accepts is 24 h after creation, measured on Stripe's clock; the
    /// default keeps five minutes for clock skew (an <c>expires_at</c> of exactly 24 h is refused).
    /// </summary>
    public static readonly TimeSpan MaxSessionLifetime = TimeSpan.FromHours(24) - TimeSpan.FromMinutes(5);

    /// <summary>
    /// A secret (<c>sk_test_…</c>, <c>sk_live_…</c>) or restricted (<c>rk_…</c>) key with write access to
    /// Checkout Sessions. Empty: the adapter is not registered. Never logged.
    /// </summary>
    [RegularExpression("^[sr]k_(test|live)_[A-Za-z0-9]+$", ErrorMessage = "SecretKey must be a Stripe secret (sk_) or restricted (rk_) API key.")]
    public string? SecretKey { get; set; }

    /// <summary>The signing secret (<c>whsec_…</c>) of the webhook endpoint, for verifying Stripe's events. Never logged.</summary>
    [RegularExpression("^whsec_[A-Za-z0-9+/=]+$", ErrorMessage = "WebhookSecret must be a Stripe webhook signing secret (whsec_).")]
    public string? WebhookSecret { get; set; }

    /// <summary>The API's base address (default: the SDK's, <c>https://api.stripe.com</c>); set for a local stand-in.</summary>
    public Uri? ApiBase { get; set; }

    /// <summary>
    /// How long a checkout session stays open (default and maximum 23 h 55 min, see <see cref="MaxSessionLifetime"/>).
    /// Counted from the start of the hour the session is opened in, so that a retried step sends the
    /// same form under its idempotency key; the session is up to 1 h shorter, hence at least 1 h 35 min,
    /// to stay above Stripe's 30 min minimum.
    /// </summary>
    [TimeSpanRange("01:35:00", "23:55:00")]
    public TimeSpan SessionLifetime { get; set; } = MaxSessionLifetime;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ApiBase is { } apiBase && (!apiBase.IsAbsoluteUri || (apiBase.Scheme != Uri.UriSchemeHttps && !apiBase.IsLoopback)))
        {
            yield return new ValidationResult("ApiBase must be an absolute https address (http only on loopback).", [nameof(ApiBase)]);
        }
    }
}

using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MonaSpark.Application.Work;
using Stripe;

namespace MonaSpark.Adapters.Payments;

/// <summary>
/// Stripe's errors as the callers read them. 409 (another request with the same key is in flight), 429
/// and 5xx are worth retrying with the same key: <see cref="HttpRequestException"/> with the status (no
/// answer at all never gets here: the SDK lets the transport's <see cref="HttpRequestException"/>, or
/// <see cref="TaskCanceledException"/> on timeout, through as they are). Any other 4xx (400 invalid request, 401/403 key, 402 card declined, 404 unknown session) will
/// not change on retry: <see cref="PermanentWorkException"/>. Either message carries the HTTP status,
/// Stripe's error type, code and request id (what Stripe support asks for) and Stripe's own text with
/// anything shaped like an API key masked (a 401 quotes part of the key). The
/// <see cref="StripeException"/> is not kept as inner exception: it holds the raw response.
/// </summary>
internal static partial class StripeFailures
{
    public static Exception Translate(StripeException exception, string action)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = (int)exception.HttpStatusCode;
        var error = exception.StripeError;
        var detail = string.Join(", ", new[]
        {
            $"HTTP {status}",
            error?.Type,
            error?.Code is { } code ? $"code {code}" : null,
            error?.DeclineCode is { } decline ? $"decline code {decline}" : null,
            error?.Param is { } param ? $"param {param}" : null,
            exception.StripeResponse?.RequestId is { } requestId ? $"request {requestId}" : null,
        }.Where(part => part is not null));
        var text = Mask(error?.Message ?? exception.Message);
        if (IsTransient(exception))
        {
            return new HttpRequestException(
                string.Create(CultureInfo.InvariantCulture, $"Stripe could not {action} ({detail}): {text} The call can be retried with the same idempotency key."),
                null,
                status == 0 ? null : exception.HttpStatusCode);
        }

        return new PermanentWorkException(string.Create(CultureInfo.InvariantCulture, $"Stripe refused to {action} ({detail}): {text}"));
    }

    public static bool IsTransient(StripeException exception) =>
        exception.HttpStatusCode is 0 or HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests || (int)exception.HttpStatusCode >= 500;

    /// <summary>A Stripe key (<c>sk_</c>, <c>rk_</c>, <c>pk_</c>, even partly starred) replaced by <c>[redacted]</c>.</summary>
    internal static string Mask(string text) => ApiKey().Replace(text, "[redacted]");

    [GeneratedRegex(@"\b(?:sk|rk|pk)_(?:test|live)_[A-Za-z0-9*]*", RegexOptions.CultureInvariant)]
    private static partial Regex ApiKey();
}
